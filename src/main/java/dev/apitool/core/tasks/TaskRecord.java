package dev.apitool.core.tasks;

import java.time.Duration;

/**
 * What is known about one task at one moment: its number (its id is {@code task-NUMBER}), the name
 * it was enqueued with, its status, the result of a task that returned (also of one cancelled while
 * running, which returns what it had), the error of one that failed, and how long it has run.
 */
public record TaskRecord<T>(int number, String name, TaskStatus status, T result, String error, Duration elapsed) {

    /** Returns {@code task-NUMBER}. */
    public String id() {
        return "task-" + number;
    }
}
