package dev.apitool.core.io;

/**
 * The size cap of each kind of input, so that no input ({@code --secret @/dev/zero}, a token on
 * standard input, a looping script) can make apitool read until memory runs out. A streamed input
 * (a script, a log) is capped per line instead of as a whole.
 */
public enum Limit {
    /** A key or an HMAC secret: {@code --secret}, {@code --key}, a JWK set. */
    KEY("a key or secret", 1L << 20),
    /** A token: {@code jwt verify TOKEN}, {@code jwt decode -}. */
    TOKEN("a token", 1L << 20),
    /** A JWT payload or claims document. */
    PAYLOAD("a payload", 1L << 20),
    /** A request body: {@code --body @FILE}, a target's {@code bodyFile}. */
    BODY("a request body", 64L << 20),
    /** A config or spec file read whole: {@code health -f}, a YAML script. */
    CONFIG("a config or spec", 4L << 20),
    /** One line of a streamed script, targets file or log. */
    LINE("a line", 1L << 20);

    private final String what;
    private final long bytes;

    Limit(String what, long bytes) {
        this.what = what;
        this.bytes = bytes;
    }

    /** Returns the cap in bytes (characters, for {@link #LINE}). */
    public long bytes() {
        return bytes;
    }

    /** Returns the cap as a reader sees it: {@code 1 MiB}, {@code 64 MiB}. */
    public String shown() {
        return (bytes >> 20) + " MiB";
    }

    /** Returns the error for an input named {@code where} that is past this cap. */
    public InputException exceeded(String where) {
        return new InputException(where + ": larger than the " + shown() + " limit for " + what
                + " (expected at most " + bytes + " bytes)");
    }
}
