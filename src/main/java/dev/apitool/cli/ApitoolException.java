package dev.apitool.cli;

/** Ends a command with an exit code and a one-line message for stderr (empty for none). */
public final class ApitoolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public ApitoolException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public ApitoolException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
