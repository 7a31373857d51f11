package dev.apitool.core.http.raw;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.http.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * A minimal, allocation-free HTTP/1.1 response reader for the load path (RFC 9112): it reads the
 * status code and the three headers that frame a message ({@code Content-Length},
 * {@code Transfer-Encoding}, {@code Connection}), and skips every body byte without copying it:
 * fixed length, chunked (extensions and trailers skipped) or until the connection closes.
 * Interim 1xx responses are skipped; HEAD, 204 and 304 responses have no body. One parser per
 * connection, {@link #reset reset} before each request.
 *
 * <p>The common case, a whole head framed by {@code Content-Length} in the first buffer, takes
 * {@link #fastHead one pass} over the buffer in place, without copying lines; anything else it
 * meets (a line over {@link #KEPT} bytes, an interim or chunked response, a malformed line, a head
 * split across reads) sends it, having consumed nothing, to the line-by-line path, which decides
 * (and words errors) exactly as before. The two give identical results (a seeded differential test
 * checks it).
 */
public final class ResponseParser {

    /** Header lines are kept up to this many bytes; longer ones are skipped (they are not ones we read). */
    private static final int KEPT = 128;
    /** Status line plus headers larger than this is a protocol error, as in most servers and clients. */
    private static final int MAX_HEAD = 64 * 1024;

    private enum State { STATUS, HEADER, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILER, UNTIL_CLOSE, DONE }

    private final byte[] line = new byte[KEPT];
    private int lineLength;
    /** Whether the current line was longer than {@link #KEPT}: only its start is in {@link #line}. */
    private boolean lineDropped;
    private int headBytes;
    private State state = State.DONE;
    private boolean head;
    private int status;
    private boolean http10;
    private boolean closeHeader;
    private boolean keepAliveHeader;
    private boolean chunked;
    private boolean transferEncoding;
    private long contentLength;
    private long remaining;
    /** Whether {@link #feed} may try the one-pass head ({@code false} only in tests comparing the two). */
    private final boolean fast;

    public ResponseParser() {
        this(true);
    }

    public ResponseParser(boolean fast) {
        this.fast = fast;
    }

    /** Prepares for the response to a new request; {@code headRequest} when the method was HEAD. */
    public void reset(boolean headRequest) {
        head = headRequest;
        startMessage();
    }

    private void startMessage() {
        state = State.STATUS;
        lineLength = 0;
        lineDropped = false;
        headBytes = 0;
        status = 0;
        http10 = false;
        closeHeader = false;
        keepAliveHeader = false;
        chunked = false;
        transferEncoding = false;
        contentLength = -1;
    }

    /** Returns whether a response is being read (reset and not yet complete). */
    public boolean inProgress() {
        return state != State.DONE;
    }

    /** Returns the status code of the response read (or being read), 0 before its status line. */
    public int status() {
        return status;
    }

    /** Returns whether the connection may carry another request after this response. */
    public boolean keepAlive() {
        return !closeHeader && (!http10 || keepAliveHeader) && state != State.UNTIL_CLOSE;
    }

    /**
     * Reads from {@code in} and returns true once the response is complete; the bytes after it
     * are left unread. Returns false when more input is needed.
     *
     * @throws ErrorKind.ProtocolException when the bytes are not an HTTP/1.1 response
     */
    public boolean feed(ByteBuf in) throws ErrorKind.ProtocolException {
        if (fast && state == State.STATUS && lineLength == 0 && !lineDropped && headBytes == 0 && fastHead(in)) {
            return state == State.DONE;
        }
        while (in.isReadable()) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY) {
                            state = State.DONE;
                            return true;
                        }
                        state = State.CHUNK_END;
                    }
                }
                case UNTIL_CLOSE -> in.skipBytes(in.readableBytes());
                case DONE -> throw new ErrorKind.ProtocolException("unexpected bytes after the response");
                default -> {
                    if (readLine(in) && lineDone()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Reads a whole status line and header block of a final response framed by
     * {@code Content-Length} (or without a body) from {@code in} in one pass, and, if that is what
     * it holds, consumes the head and what it has of the body and returns true. Otherwise it changes
     * nothing and returns false, leaving every other case and every error to the line-by-line path.
     */
    private boolean fastHead(ByteBuf in) {
        int p = in.readerIndex();
        int end = in.writerIndex();
        // status line: HTTP/1.x SP 3DIGIT [SP reason], as statusLine() reads it
        int lf = in.forEachByte(p, end - p, ByteProcessor.FIND_LF);
        if (lf < 0 || lf - p > KEPT || lf - p < 12) {
            return false;
        }
        int lineEnd = in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        if (lineEnd - p < 12 || in.getByte(p) != 'H' || in.getByte(p + 1) != 'T' || in.getByte(p + 2) != 'T'
                || in.getByte(p + 3) != 'P' || in.getByte(p + 4) != '/' || in.getByte(p + 5) != '1' || in.getByte(p + 6) != '.'
                || in.getByte(p + 8) != ' ' || (lineEnd - p > 12 && in.getByte(p + 12) != ' ')) {
            return false;
        }
        int d0 = in.getByte(p + 9) - '0';
        int d1 = in.getByte(p + 10) - '0';
        int d2 = in.getByte(p + 11) - '0';
        if (d0 < 2 || d0 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
            return false; // 1xx (interim), below 100 (an error) or not digits: the line-by-line path
        }
        int code = d0 * 100 + d1 * 10 + d2;
        boolean version10 = in.getByte(p + 7) == '0';
        boolean close = false;
        boolean keepAliveSeen = false;
        long length = -1;
        int total = lf + 1 - p;
        p = lf + 1;
        while (true) {
            lf = in.forEachByte(p, end - p, ByteProcessor.FIND_LF);
            if (lf < 0 || lf - p > KEPT) {
                return false;
            }
            total += lf + 1 - p;
            if (total > MAX_HEAD) {
                return false;
            }
            lineEnd = lf > p && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            if (lineEnd == p) {
                p = lf + 1;
                break;
            }
            int colon = in.indexOf(p, lineEnd, (byte) ':');
            if (colon <= p) {
                return false; // no name or no colon: malformed, worded by the line-by-line path
            }
            int from = colon + 1;
            int to = lineEnd;
            while (from < to && isBlank(in.getByte(from))) {
                from++;
            }
            while (to > from && isBlank(in.getByte(to - 1))) {
                to--;
            }
            int nameLength = colon - p;
            if (nameLength == 14 && nameIs(in, p, "content-length")) {
                if (from == to) {
                    return false;
                }
                long v = 0;
                for (int i = from; i < to; i++) {
                    byte b = in.getByte(i);
                    if (!digit(b) || v > Long.MAX_VALUE / 10 - 10) {
                        return false;
                    }
                    v = v * 10 + (b - '0');
                }
                if (length >= 0 && length != v) {
                    return false;
                }
                length = v;
            } else if (nameLength == 17 && nameIs(in, p, "transfer-encoding")) {
                return false;
            } else if (nameLength == 10 && nameIs(in, p, "connection")) {
                close |= contains(in, from, to, "close");
                keepAliveSeen |= contains(in, from, to, "keep-alive");
            }
            p = lf + 1;
        }
        boolean bodiless = head || code == 204 || code == 304;
        if (!bodiless && length < 0) {
            return false; // delimited by close
        }
        status = code;
        http10 = version10;
        closeHeader = close;
        keepAliveHeader = keepAliveSeen;
        contentLength = length;
        headBytes = total;
        long body = bodiless ? 0 : length;
        int available = end - p;
        if (body <= available) {
            in.readerIndex(p + (int) body);
            state = State.DONE;
        } else {
            in.readerIndex(end);
            remaining = body - available;
            state = State.BODY;
        }
        return true;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean nameIs(ByteBuf in, int at, String lowerName) {
        for (int i = 0; i < lowerName.length(); i++) {
            if (lower(in.getByte(at + i)) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(ByteBuf in, int from, int to, String lowerWord) {
        for (int s = from; s + lowerWord.length() <= to; s++) {
            if (nameIs(in, s, lowerWord)) {
                return true;
            }
        }
        return false;
    }

    /** Returns true when the connection's end completes the response (a body delimited by close). */
    public boolean endOfInput() {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return true;
        }
        return false;
    }

    /** Reads up to and including LF; returns true when a whole line is in {@link #line}. */
    private boolean readLine(ByteBuf in) throws ErrorKind.ProtocolException {
        int start = in.readerIndex();
        int lf = in.forEachByte(start, in.readableBytes(), ByteProcessor.FIND_LF);
        int end = lf < 0 ? in.writerIndex() : lf;
        int n = end - start;
        int keep = Math.min(n, KEPT - lineLength);
        if (keep > 0) {
            in.getBytes(start, line, lineLength, keep);
        }
        lineLength += keep;
        lineDropped |= keep < n;
        if (state == State.STATUS || state == State.HEADER || state == State.TRAILER) {
            headBytes += n + 1;
        }
        if (headBytes > MAX_HEAD) {
            throw new ErrorKind.ProtocolException("response head larger than " + MAX_HEAD + " bytes");
        }
        if (lf < 0) {
            in.readerIndex(in.writerIndex());
            return false;
        }
        in.readerIndex(lf + 1);
        if (!lineDropped && lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        return true;
    }

    /** Acts on the line in {@link #line}; returns true when it completed the response. */
    private boolean lineDone() throws ErrorKind.ProtocolException {
        int length = lineLength;
        boolean dropped = lineDropped;
        lineLength = 0;
        lineDropped = false;
        switch (state) {
            case STATUS -> statusLine(length);
            case HEADER -> {
                if (length == 0) {
                    return headersDone();
                }
                headerLine(length, dropped);
            }
            case CHUNK_SIZE -> {
                long size = chunkSize(length);
                if (size == 0) {
                    state = State.TRAILER;
                } else {
                    remaining = size;
                    state = State.CHUNK_DATA;
                }
            }
            case CHUNK_END -> {
                if (length != 0) {
                    throw new ErrorKind.ProtocolException("chunk data longer than its declared size");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILER -> {
                if (length == 0) {
                    state = State.DONE;
                    return true;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
        return false;
    }

    private void statusLine(int length) throws ErrorKind.ProtocolException {
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (length < 12 || !startsWith("HTTP/1.") || line[8] != ' ' || !digit(line[9]) || !digit(line[10]) || !digit(line[11])
                || (length > 12 && line[12] != ' ')) {
            throw new ErrorKind.ProtocolException("malformed status line: " + printable(length));
        }
        http10 = line[7] == '0';
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (status < 100) {
            throw new ErrorKind.ProtocolException("status code out of range: " + status);
        }
        state = State.HEADER;
    }

    private void headerLine(int length, boolean dropped) throws ErrorKind.ProtocolException {
        int colon = 0;
        while (colon < length && line[colon] != ':') {
            colon++;
        }
        if (colon == 0 || colon == length) {
            if (dropped) {
                return; // a long line we kept only the start of: not one of ours
            }
            throw new ErrorKind.ProtocolException("malformed header line: " + printable(length));
        }
        int from = colon + 1;
        int to = length;
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        if (nameIs("content-length", colon)) {
            long v = 0;
            if (from == to) {
                throw new ErrorKind.ProtocolException("empty Content-Length");
            }
            for (int i = from; i < to; i++) {
                if (!digit(line[i]) || v > Long.MAX_VALUE / 10 - 10) {
                    throw new ErrorKind.ProtocolException("invalid Content-Length: " + printable(length));
                }
                v = v * 10 + (line[i] - '0');
            }
            if (contentLength >= 0 && contentLength != v) {
                throw new ErrorKind.ProtocolException("conflicting Content-Length headers");
            }
            contentLength = v;
        } else if (nameIs("transfer-encoding", colon)) {
            chunked = endsWithIgnoreCase("chunked", from, to);
            transferEncoding = true;
        } else if (nameIs("connection", colon)) {
            closeHeader |= containsIgnoreCase("close", from, to);
            keepAliveHeader |= containsIgnoreCase("keep-alive", from, to);
        }
    }

    private boolean headersDone() throws ErrorKind.ProtocolException {
        if (status < 200) {
            startMessage(); // 1xx interim response: the real one follows
            return false;
        }
        String framing = Framing.problem(contentLength >= 0, transferEncoding);
        if (framing != null) {
            throw new ErrorKind.ProtocolException(framing);
        }
        if (head || status == 204 || status == 304) {
            state = State.DONE;
            return true;
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            if (contentLength == 0) {
                state = State.DONE;
                return true;
            }
            remaining = contentLength;
            state = State.BODY;
        } else {
            state = State.UNTIL_CLOSE;
        }
        return false;
    }

    private long chunkSize(int length) throws ErrorKind.ProtocolException {
        long size = 0;
        int i = 0;
        for (; i < length; i++) {
            int d = Character.digit(line[i], 16);
            if (d < 0) {
                break;
            }
            if (size > (Long.MAX_VALUE >> 4)) {
                throw new ErrorKind.ProtocolException("chunk size too large");
            }
            size = size * 16 + d;
        }
        if (i == 0 || (i < length && line[i] != ';' && line[i] != ' ' && line[i] != '\t')) {
            throw new ErrorKind.ProtocolException("malformed chunk size: " + printable(length));
        }
        return size;
    }

    private boolean startsWith(String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (line[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean nameIs(String lowerName, int nameLength) {
        if (nameLength != lowerName.length()) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (lower(line[i]) != lowerName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWithIgnoreCase(String lowerWord, int from, int to) {
        int start = to - lowerWord.length();
        return start >= from && regionIs(lowerWord, start);
    }

    private boolean containsIgnoreCase(String lowerWord, int from, int to) {
        for (int s = from; s + lowerWord.length() <= to; s++) {
            if (regionIs(lowerWord, s)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionIs(String lowerWord, int at) {
        for (int i = 0; i < lowerWord.length(); i++) {
            if (lower(line[at + i]) != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** Returns the kept part of the line for an error message, non-printable bytes as '?'. */
    private String printable(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(length, 60); i++) {
            s.append(line[i] >= 32 && line[i] < 127 ? (char) line[i] : '?');
        }
        return "'" + s + (length > 60 ? "…" : "") + "'";
    }
}
