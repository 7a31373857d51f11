package dev.apitool.core.load.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.http.Headers;
import dev.apitool.core.io.InputException;
import dev.apitool.core.traffic.Scripts;
import dev.apitool.core.traffic.TargetSource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetsFileTest {

    @TempDir
    Path dir;

    private List<LoadTarget> read(String ndjson, URI base) {
        try (TargetSource s = Scripts.openTargets(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                "t.ndjson", Scripts.Format.NDJSON)) {
            return TargetsFile.read(s, dir, base, "GET", Headers.EMPTY);
        }
    }

    @Test
    void paths_joinTheBaseUrlsPath_urlsStandAlone_methodDefaultsToTheGivenOne() {
        List<LoadTarget> ts = read("{\"path\": \"/users?x=1\"}\n{\"path\": \"orders\"}\n{\"url\": \"http://H:8080/abs\", \"method\": \"HEAD\"}\n",
                URI.create("http://h:8080/api/"));
        assertThat(ts).extracting(t -> t.url().toString())
                .containsExactly("http://h:8080/api/users?x=1", "http://h:8080/api/orders", "http://H:8080/abs");
        assertThat(ts).extracting(LoadTarget::method).containsExactly("GET", "GET", "HEAD");
        assertThat(ts.get(0).where()).isEqualTo("t.ndjson:1:1");
    }

    @Test
    void bodyFile_isReadRelativeToTheTargetsFile_once() throws Exception {
        Files.createDirectories(dir.resolve("bodies"));
        Files.writeString(dir.resolve("bodies/a.json"), "{\"a\":1}");
        List<LoadTarget> ts = read("{\"path\": \"/a\", \"method\": \"POST\", \"bodyFile\": \"bodies/a.json\"}\n"
                + "{\"path\": \"/b\", \"method\": \"POST\", \"bodyFile\": \"bodies/a.json\"}\n", URI.create("http://h/"));
        assertThat(new String(ts.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(ts.get(1).body()).isSameAs(ts.get(0).body());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "other host      | {\"url\": \"http://h:80/a\"}\\n{\"url\": \"http://other:80/b\"}     | t.ndjson:2:9: http://other:80 is not the origin of t.ndjson:1:9 (http://h:80)",
        "other port      | {\"url\": \"http://h/a\"}\\n{\"url\": \"http://h:81/b\"}           | t.ndjson:2:9: http://h:81 is not the origin",
        "other scheme    | {\"url\": \"http://h/a\"}\\n{\"url\": \"https://h/b\"}             | t.ndjson:2:9: https://h:443 is not the origin",
        "path, no base   | {\"path\": \"/a\"}                                            | t.ndjson:1:10: path '/a' needs a base URL",
        "url and path    | {\"url\": \"http://h/a\", \"path\": \"/b\"}                     | t.ndjson:1:31: give url or path, not both",
        "neither         | {\"method\": \"GET\"}                                         | t.ndjson:1:1: missing url or path",
        "relative url    | {\"url\": \"/a\"}                                             | t.ndjson:1:9: url '/a' is not absolute",
        "bad method      | {\"url\": \"http://h/a\", \"method\": \"GE T\"}                 | t.ndjson:1:33: invalid method 'GE T'",
        "bad header      | {\"url\": \"http://h/a\", \"headers\": {\"Bad Name\": \"x\"}}    | t.ndjson:1:34: header name is not a token: 'Bad Name'",
        "missing body    | {\"url\": \"http://h/a\", \"bodyFile\": \"nope.json\"}          | t.ndjson:1:35: bodyFile ",
        "body and file   | {\"url\": \"http://h/a\", \"body\": \"x\", \"bodyFile\": \"b\"}    | give body or bodyFile, not both",
        "empty           | ''                                                            | t.ndjson: no targets",
    })
    void badTargets_nameFileLineColumn(String name, String text, String expected) {
        assertThatThrownBy(() -> read(text.replace("\\n", "\n"), null)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(expected.startsWith("t.ndjson") ? expected.substring(0, expected.indexOf(' ')) : "")
                .hasMessageContaining(expected);
    }

    @Test
    void aBaseUrl_fixesTheOrigin_forUrlEntriesToo() {
        assertThatThrownBy(() -> read("{\"url\": \"http://h:9/a\"}\n", URI.create("http://h:8/")))
                .hasMessageContaining("t.ndjson:1:9: http://h:9 is not the origin of the URL argument (http://h:8)");
        assertThatThrownBy(() -> read("{\"path\": \"/a\"}\n", URI.create("http://h:8/?q=1")))
                .hasMessageContaining("takes no query");
    }

    @Test
    void moreTargetsThanTheBound_areRefusedAtTheFirstOneOver() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= TargetsFile.MAX_TARGETS; i++) {
            text.append("{\"path\":\"/").append(i).append("\"}\n");
        }
        assertThatThrownBy(() -> read(text.toString(), URI.create("http://h/")))
                .hasMessageStartingWith("t.ndjson:" + (TargetsFile.MAX_TARGETS + 1) + ":1: more than 100000 targets");
    }
}
