package dev.apitool.core.io;

/**
 * A user's input could not be used: an unreadable file, a malformed key, spec or script, a bad
 * value. The message is one line that names the input (file, line and column, or the flag) and
 * says what was expected; front ends show it as is and exit with the usage/input code.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
