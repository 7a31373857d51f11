package dev.apitool.core.http;

import dev.apitool.core.http.raw.ResponseParser;
import java.io.IOException;
import java.util.Locale;

/**
 * The kinds of transport failure a load run counts (wrk's {@code errors}: connect, read, write,
 * timeout), each under a fixed report key. A failure never stops the run; it is counted, one
 * example message kept per kind, and the connection replaced.
 */
public enum ErrorKind {
    /** The connection could not be made: refused, unreachable, unknown host. */
    CONNECT("connect"),
    /** No answer (or no connection) within {@code --timeout}. */
    TIMEOUT("timeout"),
    /** The connection was reset or closed by the peer before the response was complete. */
    RESET("reset"),
    /** The response was not valid HTTP/1.1, or came when none was asked for. */
    PROTOCOL("protocol"),
    /** The process ran out of file descriptors ("Too many open files"). */
    FD_LIMIT("fdLimit");

    private static final java.util.regex.Pattern NATIVE_PREFIX =
            java.util.regex.Pattern.compile("^\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    /** Returns the key reports use, e.g. {@code fdLimit}. */
    public String key() {
        return key;
    }

    /**
     * Returns the kind a load report counts {@code failure} under: the client's classification
     * ({@link HttpException#from}, the one classifier) folded into load's five keys. Running out of
     * file descriptors is its own kind; anything else met while {@code connecting} (a refused or
     * failed connect, a failed handshake) is a connect error; afterwards a reset or close is a reset,
     * an invalid response or any non-I/O failure a protocol error.
     */
    public static ErrorKind of(HttpException failure, boolean connecting) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        if (String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("too many open files")) {
            return FD_LIMIT;
        }
        return switch (failure.kind()) {
            case TIMEOUT -> TIMEOUT;
            case CONNECT_REFUSED, CONNECT_FAILED, UNKNOWN_HOST, PROXY -> CONNECT;
            default -> connecting ? CONNECT
                    : failure.kind() == HttpException.Kind.PROTOCOL ? PROTOCOL
                    : cause instanceof IOException ? RESET : PROTOCOL;
        };
    }

    /**
     * Returns the example message a load report keeps for {@code failure}: the classifier's own
     * words for a TLS handshake ({@code TLS handshake with localhost:8443 failed: ...}), otherwise
     * the operating system's reason ({@code Connection refused}).
     */
    public static String describe(HttpException failure) {
        if (failure.phase() == HttpException.Phase.TLS || failure.getCause() == null) {
            return failure.getMessage();
        }
        return describe(failure.getCause());
    }

    /** Returns a one-line description of {@code cause} for the report's example messages. */
    public static String describe(Throwable cause) {
        String m = cause.getMessage();
        if (m == null || m.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        // Netty's native transport prefixes the OS message with the call: "finishConnect(..) failed with error(-111): "
        return NATIVE_PREFIX.matcher(m.strip()).replaceFirst("");
    }

    /** A response that breaks HTTP/1.1 as {@link ResponseParser} reads it. */
    public static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }
}
