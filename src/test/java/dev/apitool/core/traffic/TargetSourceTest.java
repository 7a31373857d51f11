package dev.apitool.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Request scripts read as load targets: the same formats, the target fields, the same errors. */
class TargetSourceTest {

    private static List<Target> readAll(String text, Scripts.Format format) {
        List<Target> out = new ArrayList<>();
        try (TargetSource s = Scripts.openTargets(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t", format)) {
            for (Target t; (t = s.next()) != null; ) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void ndjson_targetFields_readAsWritten_withPositions() {
        List<Target> ts = readAll("{\"method\":\"GET\",\"path\":\"/a\"}\n"
                + "\n"
                + "{\"method\": \"POST\", \"url\": \"http://h:1/b\", \"headers\": {\"X-A\": \"1\", \"X-N\": 2}, \"body\": {\"k\": [1, \"v\"]}}\n"
                + "{\"path\": \"/c\", \"headers\": [\"X-B: two: parts\"], \"bodyFile\": \"c.json\"}\n", Scripts.Format.NDJSON);
        assertThat(ts).hasSize(3);
        assertThat(ts.get(0).method()).isEqualTo("GET");
        assertThat(ts.get(0).path()).isEqualTo("/a");
        assertThat(ts.get(0).where()).isEqualTo("t:1:1");
        assertThat(ts.get(0).where("path")).isEqualTo("t:1:24");
        assertThat(ts.get(1).url()).isEqualTo("http://h:1/b");
        assertThat(ts.get(1).where("url")).isEqualTo("t:3:27");
        assertThat(ts.get(1).headers()).containsExactly("X-A", "1", "X-N", "2");
        assertThat(ts.get(1).body()).isEqualTo("{\"k\":[1,\"v\"]}");
        assertThat(ts.get(1).bodyJson()).isTrue();
        assertThat(ts.get(2).headers()).containsExactly("X-B", "two: parts");
        assertThat(ts.get(2).bodyFile()).isEqualTo("c.json");
        assertThat(ts.get(2).method()).isNull();
    }

    @Test
    void aRatelimitScript_isATargetsFile_itsRateLimitFieldsIgnored() {
        List<Target> ts = readAll("{\"t\":\"0.000\",\"key\":\"u1\",\"cost\":1,\"method\":\"GET\",\"path\":\"/orders\"}\n"
                + "{\"t\": \"250ms\", \"key\": \"u2\", \"dur\": \"40ms\", \"method\": \"DELETE\", \"path\": \"/orders/1\"}\n", Scripts.Format.NDJSON);
        assertThat(ts).extracting(Target::method).containsExactly("GET", "DELETE");
        assertThat(ts).extracting(Target::path).containsExactly("/orders", "/orders/1");
        List<Target> csv = readAll("t,key,method,path\n0,a,GET,/x\n1,b,PUT,/y\n", Scripts.Format.CSV);
        assertThat(csv).extracting(Target::path).containsExactly("/x", "/y");
    }

    @Test
    void aTargetsFile_isARatelimitScript_whenItHasArrivalTimes() {
        String text = "{\"t\": 0, \"key\": \"a\", \"method\": \"POST\", \"path\": \"/p\", \"headers\": {\"X\": \"1\"}, \"body\": {\"a\": 1}}\n";
        try (RequestSource s = Scripts.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s", Scripts.Format.NDJSON)) {
            assertThat(s.next()).isEqualTo(new Request(1, 0, "a", 1, 0, "POST", "/p"));
        }
    }

    @Test
    void csv_headerColumns_giveHeaders_emptyCellsLeaveThemOut() {
        List<Target> ts = readAll("method,path,header:Content-Type,header:X-Req,body\n"
                + "POST,/a,application/json,1,\"{\"\"a\"\":1}\"\n"
                + "GET,/b,,,\n", Scripts.Format.CSV);
        assertThat(ts.get(0).headers()).containsExactly("Content-Type", "application/json", "X-Req", "1");
        assertThat(ts.get(0).body()).isEqualTo("{\"a\":1}");
        assertThat(ts.get(1).headers()).isEmpty();
        assertThat(ts.get(1).body()).isNull();
        assertThat(ts.get(1).where("path")).isEqualTo("t:3:5");
    }

    @Test
    void yaml_listOrTargetsMapping_readTheSame() {
        String list = "- {method: GET, path: /a}\n- method: POST\n  path: /b\n  headers: {X-A: 1}\n  body: {a: 1}\n";
        String mapping = "targets:\n  - {method: GET, path: /a}\n  - {method: POST, path: /b, headers: {X-A: 1}, body: {a: 1}}\n";
        for (String text : List.of(list, mapping)) {
            List<Target> ts = readAll(text, Scripts.Format.YAML);
            assertThat(ts).extracting(Target::path).containsExactly("/a", "/b");
            assertThat(ts.get(1).headers()).containsExactly("X-A", "1");
            assertThat(ts.get(1).body()).isEqualTo("{\"a\":1}");
        }
        assertThat(readAll(list, Scripts.Format.YAML).get(1).where()).isEqualTo("t:2:3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NDJSON | {\"path\": \"/a\"}\\n{\"path\": \"/b\", \"heders\": {}} | t:2:16: unknown field \"heders\"",
        "NDJSON | {\"path\": \"/a\", \"headers\": \"X: 1\"} | t:1:27: \"headers\" must be an object",
        "NDJSON | {\"path\": \"/a\", \"headers\": {\"X\": {\"y\": 1}}} | t:1:33: header \"X\" must be a plain value",
        "NDJSON | {\"path\": \"/a\", \"headers\": [\"no colon\"]} | t:1:28: header 'no…': no ':' after the header name, expected 'Name: value'",
        "NDJSON | [1] | t:1:1: expected a JSON object ({\"path\": …})",
        "NDJSON | {\"path\": \"/a\"\\n | t:1:14: ",
        "CSV    | method,pth\\nGET,/a | t:1:8: unknown column \"pth\"",
        "CSV    | path,path\\n/a,/b | t:1:6: column \"path\" is named twice",
        "CSV    | path,method\\n/a | t:2:1: 1 fields, but the header names 2",
        "YAML   | - {path: /a}\\n- [1, 2] | t:2:3: expected a target mapping (method: …, path: …)",
        "YAML   | path: /a | t:1:1: expected 'targets:' holding a list",
    })
    void malformedTargets_nameFileLineColumn_andWhatWasExpected(Scripts.Format format, String text, String expected) {
        assertThatThrownBy(() -> readAll(text.replace("\\n", "\n"), format))
                .isInstanceOf(InputException.class).hasMessageContaining(expected);
    }

    /**
     * Seeded fuzz: valid NDJSON, CSV and YAML targets with random bytes changed, inserted or cut.
     * The reader must either read them or refuse them with one InputException naming t:LINE:COLUMN,
     * never another exception (and never hang).
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void fuzzedTargets_areReadOrRefusedWithAPosition_neverAnotherException(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] valid = {
            "{\"method\":\"POST\",\"path\":\"/a?x=1\",\"headers\":{\"X-A\":\"1\"},\"body\":{\"k\":[1,2]}}\n{\"url\":\"http://h/b\",\"t\":0}\n",
            "method,path,header:X-A,body,bodyFile\nGET,/a,1,,\nPOST,/b,,\"{\"\"a\"\":1}\",\n",
            "targets:\n  - {method: GET, path: /a, headers: [\"X: 1\"]}\n  - method: POST\n    path: /b\n    body: {a: 1}\n",
        };
        Scripts.Format[] formats = {Scripts.Format.NDJSON, Scripts.Format.CSV, Scripts.Format.YAML};
        String alphabet = "{}[]\":,\\ \n\t-/ab01é\u0000";
        int refused = 0;
        for (int round = 0; round < 200; round++) {
            int f = random.nextInt(3);
            StringBuilder text = new StringBuilder(valid[f]);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                switch (random.nextInt(3)) {
                    case 0: text.insert(at, alphabet.charAt(random.nextInt(alphabet.length()))); break;
                    case 1: if (at < text.length()) { text.deleteCharAt(at); } break;
                    default: if (at < text.length()) { text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length()))); } break;
                }
            }
            try {
                readAll(text.toString(), formats[f]);
            } catch (InputException e) {
                refused++;
                assertThat(e.getMessage()).as("message for %s input %s", formats[f], text)
                        .matches("(?s)t(:\\d+:\\d+)?: .+").doesNotContain("\n");
            }
        }
        assertThat(refused).as("refused of 200").isBetween(20, 199);
    }
}
