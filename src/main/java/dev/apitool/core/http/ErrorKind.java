package dev.apitool.core.http;

import dev.apitool.core.http.raw.ResponseParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
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

    /** Returns the kind of {@code cause}, met while connecting when {@code connecting}. */
    public static ErrorKind of(Throwable cause, boolean connecting) {
        String m = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("too many open files")) {
            return FD_LIMIT;
        }
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return TIMEOUT;
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException || connecting) {
            return CONNECT;
        }
        if (cause instanceof ProtocolException) {
            return PROTOCOL;
        }
        if (cause instanceof IOException || cause instanceof ClosedChannelException) {
            return RESET;
        }
        return PROTOCOL;
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
