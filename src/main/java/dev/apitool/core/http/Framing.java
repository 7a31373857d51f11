package dev.apitool.core.http;

/**
 * How a response's body is framed, judged once for both clients (the full Netty one and load's raw
 * parser): a response that carries both {@code Content-Length} and {@code Transfer-Encoding} is a
 * protocol error (RFC 9112 §6.3: such a message may be an attempt at request smuggling and must be
 * handled as an error), as is a {@code Transfer-Encoding} whose last coding is not {@code chunked}
 * but which still names a length.
 */
public final class Framing {

    /** The message both clients report for a response framed two ways. */
    public static final String BOTH = "response has both Content-Length and Transfer-Encoding (RFC 9112 §6.3)";

    private Framing() {
    }

    /**
     * Returns why a response with these framing headers is malformed, or null when it is not.
     *
     * @param contentLength whether a {@code Content-Length} header was present
     * @param transferEncoding whether a {@code Transfer-Encoding} header was present
     */
    public static String problem(boolean contentLength, boolean transferEncoding) {
        return contentLength && transferEncoding ? BOTH : null;
    }
}
