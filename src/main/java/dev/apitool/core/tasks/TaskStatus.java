package dev.apitool.core.tasks;

import java.util.Locale;

/** Where a task is in its life: waiting for a worker, running, or ended in one of three ways. */
public enum TaskStatus {
    PENDING, RUNNING, DONE, FAILED, CANCELLED;

    /** Returns the lowercase name shown to people ({@code done}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether the task has ended (done, failed or cancelled). */
    public boolean ended() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
