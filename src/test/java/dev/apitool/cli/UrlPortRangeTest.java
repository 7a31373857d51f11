package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A URL whose port is past 65535 is a usage error in every command that sends (it was exit 4 in load and idempotency replay). */
class UrlPortRangeTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"load -n 1", "idempotency replay"})
    void urlPortPast65535_usageErrorWithTheRange(String command) {
        String[] words = (command + " http://u:p4ss@127.0.0.1:99999/x").split(" ");
        assertThat(Cli.in(dir).run(words)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("URL 'http://u:***@127.0.0.1:99999/x': port 99999 is out of range (expected 1 to 65535)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"load http://127.0.0.1:8080 -n 1 --targets", "idempotency replay http://127.0.0.1:8080 --from"})
    void urlInAFilePast65535_usageErrorAtItsPosition(String command) throws Exception {
        Files.writeString(dir.resolve("t.ndjson"), "{\"url\": \"http://u:p4ss@127.0.0.1:99999/x\"}\n");
        String[] words = (command + " t.ndjson").split(" ");
        assertThat(Cli.in(dir).run(words)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("t.ndjson:1:9: URL 'http://u:***@127.0.0.1:99999/x': port 99999 is out of range (expected 1 to 65535)");
    }
}
