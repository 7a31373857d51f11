package dev.apitool.cli;

/** apitool's exit codes, the same for every command (README, "Exit codes"). */
public enum ExitCode {
    /** The command did what was asked; a check passed. */
    OK(0),
    /** A check ran and failed: a token that does not verify, an unhealthy endpoint, a breached threshold. */
    FAILED(1),
    /** Usage or input error: a bad flag, an unreadable or malformed key, config, spec or script. */
    USAGE(2),
    /** Degraded: health only, when asked to fail on it. */
    DEGRADED(3),
    /** An internal error: a bug in apitool. */
    INTERNAL(4),
    /** Stopped by Ctrl-C (SIGINT) after printing what ran: 128 + 2, as shells report it. */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
