package dev.apitool.core.http.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.http.Framing;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The load path's response reader: framing by length, chunks, close; split anywhere. */
class ResponseParserTest {

    private static final String LENGTH = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
    private static final String CHUNKED = "HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: x\r\n\r\n";
    private static final String INTERIM = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n";

    @ParameterizedTest
    @ValueSource(strings = {LENGTH, CHUNKED, INTERIM})
    void response_splitAtEveryByte_completesExactlyAtItsEnd(String response) throws Exception {
        byte[] bytes = response.getBytes(StandardCharsets.US_ASCII);
        for (int split = 0; split <= bytes.length; split++) {
            ResponseParser p = new ResponseParser();
            p.reset(false);
            ByteBuf first = Unpooled.wrappedBuffer(bytes, 0, split);
            ByteBuf second = Unpooled.wrappedBuffer(bytes, split, bytes.length - split);
            boolean early = p.feed(first);
            assertThat(early).as("complete before byte %d", split).isEqualTo(split == bytes.length);
            if (!early) {
                assertThat(p.feed(second)).as("split at %d", split).isTrue();
            }
            assertThat(second.isReadable()).isFalse();
            assertThat(p.keepAlive()).isTrue();
        }
    }

    @Test
    void statusCodes_areRead_interimSkipped() throws Exception {
        assertThat(parse(LENGTH).status()).isEqualTo(200);
        assertThat(parse(CHUNKED).status()).isEqualTo(201);
        assertThat(parse(INTERIM).status()).isEqualTo(404);
    }

    @Test
    void noBody_forHead_204_304() throws Exception {
        ResponseParser p = new ResponseParser();
        p.reset(true);
        assertThat(p.feed(buf("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"))).isTrue();
        p.reset(false);
        assertThat(p.feed(buf("HTTP/1.1 204 No Content\r\n\r\n"))).isTrue();
        p.reset(false);
        assertThat(p.feed(buf("HTTP/1.1 304 Not Modified\r\nContent-Length: 7\r\n\r\n"))).isTrue();
    }

    @Test
    void bodyUntilClose_endsWithTheConnection_andIsNotKeptAlive() throws Exception {
        ResponseParser p = new ResponseParser();
        p.reset(false);
        assertThat(p.feed(buf("HTTP/1.0 200 OK\r\n\r\nsome body"))).isFalse();
        assertThat(p.endOfInput()).isTrue();
        assertThat(p.keepAlive()).isFalse();
    }

    @Test
    void connectionClose_andHttp10_areNotKeptAlive() throws Exception {
        assertThat(parse("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").keepAlive()).isFalse();
        assertThat(parse("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n").keepAlive()).isTrue();
    }

    @Test
    void longHeaderLines_areSkipped() throws Exception {
        String longValue = "x".repeat(5000);
        assertThat(parse("HTTP/1.1 200 OK\r\nSet-Cookie: " + longValue + "\r\nContent-Length: 2\r\n\r\nok").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"})
    void malformed_isAProtocolError(String response) {
        assertThatThrownBy(() -> parse(response)).isInstanceOf(ErrorKind.ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello"})
    void contentLengthAndTransferEncoding_isAProtocolErrorNamingTheRfc(String response) {
        assertThatThrownBy(() -> parse(response)).isInstanceOf(ErrorKind.ProtocolException.class)
                .hasMessage(Framing.BOTH);
    }

    private static ResponseParser parse(String response) throws Exception {
        ResponseParser p = new ResponseParser();
        p.reset(false);
        assertThat(p.feed(buf(response))).isTrue();
        return p;
    }

    private static ByteBuf buf(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
