package dev.apitool.core.tasks;

/** Thrown when a task cannot be enqueued: the queue is full, or it is stopping. */
public final class TaskRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TaskRejectedException(String message) {
        super(message);
    }
}
