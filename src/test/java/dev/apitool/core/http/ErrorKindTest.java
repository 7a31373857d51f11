package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Load's five error keys are the client's classification folded: each failure a load connection
 * meets, classified by {@link HttpException#from}, lands under the key load has always counted it.
 */
class ErrorKindTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), true, ErrorKind.CONNECT),
                Arguments.of(new ConnectException("finishConnect(..) failed: Connection refused"), false, ErrorKind.CONNECT),
                Arguments.of(new UnknownHostException("nothing.invalid"), true, ErrorKind.CONNECT),
                Arguments.of(new ConnectTimeoutException("connection timed out after 100 ms: /10.0.0.1:80"), true, ErrorKind.TIMEOUT),
                Arguments.of(new IOException("Connection reset by peer"), false, ErrorKind.RESET),
                Arguments.of(new IOException("Connection reset by peer"), true, ErrorKind.CONNECT),
                Arguments.of(new IOException("Broken pipe"), false, ErrorKind.RESET),
                Arguments.of(new IOException("something else"), false, ErrorKind.RESET),
                Arguments.of(new ClosedChannelException(), false, ErrorKind.RESET),
                Arguments.of(new SSLException("bad record MAC"), false, ErrorKind.RESET),
                Arguments.of(new DecoderException(new SSLException("bad record MAC")), false, ErrorKind.PROTOCOL),
                Arguments.of(new NotSslRecordException("not an SSL/TLS record"), true, ErrorKind.CONNECT),
                Arguments.of(new DecoderException("bad chunk"), false, ErrorKind.PROTOCOL),
                Arguments.of(new ErrorKind.ProtocolException("malformed status line"), false, ErrorKind.PROTOCOL),
                Arguments.of(new IllegalStateException("a handler bug"), false, ErrorKind.PROTOCOL),
                Arguments.of(new IllegalStateException("a handler bug"), true, ErrorKind.CONNECT),
                Arguments.of(new IOException("accept(..) failed: Too many open files"), false, ErrorKind.FD_LIMIT),
                Arguments.of(new ConnectException("socket(..) failed: Too many open files"), true, ErrorKind.FD_LIMIT));
    }

    @ParameterizedTest(name = "[{index}] {0} connecting={1} -> {2}")
    @MethodSource("failures")
    void of_classifiedFailure_landsUnderLoadsKey(Throwable cause, boolean connecting, ErrorKind expected) {
        HttpException classified = HttpException.from(cause, connecting ? HttpException.Phase.CONNECT : HttpException.Phase.READ,
                "127.0.0.1:8080", Duration.ofSeconds(1));

        assertThat(ErrorKind.of(classified, connecting)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("failures")
    void describe_connectOrReadFailure_keepsTheOperatingSystemsReason(Throwable cause, boolean connecting, ErrorKind ignored) {
        HttpException classified = HttpException.from(cause, HttpException.Phase.CONNECT, "127.0.0.1:8080", Duration.ofSeconds(1));
        if (classified.phase() == HttpException.Phase.TLS) {
            return; // a handshake's failure keeps the classifier's words: DialerTest
        }

        assertThat(ErrorKind.describe(classified)).isEqualTo(ErrorKind.describe(cause))
                .doesNotContain("finishConnect(..)");
    }
}
