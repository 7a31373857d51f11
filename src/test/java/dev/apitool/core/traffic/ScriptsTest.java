package dev.apitool.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptsTest {

    private static List<Request> readAll(String text, Scripts.Format format) {
        List<Request> out = new ArrayList<>();
        try (RequestSource s = Scripts.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s", format)) {
            for (Request r; (r = s.next()) != null;) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void ndjson_everyTimeForm_readsMicrosecondsInOrder() {
        List<Request> rs = readAll("{\"t\": \"0.250\", \"key\": \"user_1\", \"cost\": 2, \"dur\": \"40ms\", \"method\": \"GET\", \"path\": \"/users\"}\n"
                + "\n"
                + "{\"t\": 0.5}\n"
                + "{\"t\": \"750ms\", \"key\": \"user_2\"}\n", Scripts.Format.NDJSON);
        assertThat(rs).containsExactly(
                new Request(1, 250_000, "user_1", 2, 40_000, "GET", "/users"),
                new Request(2, 500_000, "default", 1, 0, null, null),
                new Request(3, 750_000, "user_2", 1, 0, null, null));
    }

    @Test
    void ndjson_isoTimestamps_countFromTheFirst() {
        List<Request> rs = readAll("{\"t\": \"2026-11-27T10:00:00Z\"}\n{\"t\": \"2026-11-27T10:00:01.5Z\"}\n", Scripts.Format.NDJSON);
        assertThat(rs).extracting(Request::atMicros).containsExactly(0L, 1_500_000L);
    }

    @Test
    void csv_headerNamesColumns_quotedFieldsKeepCommas() {
        List<Request> rs = readAll("t,key,path\n0,\"a,b\",/x\n1.000001,c,\"/say \"\"hi\"\"\"\n", Scripts.Format.CSV);
        assertThat(rs).containsExactly(
                new Request(1, 0, "a,b", 1, 0, null, "/x"),
                new Request(2, 1_000_001, "c", 1, 0, null, "/say \"hi\""));
    }

    @Test
    void yaml_listOrRequestsMapping_readTheSame() {
        String list = "- {t: 0, key: a}\n- t: 1s\n  key: b\n  cost: 3\n";
        String mapping = "requests:\n  - {t: 0, key: a}\n  - {t: 1s, key: b, cost: 3}\n";
        assertThat(readAll(list, Scripts.Format.YAML)).isEqualTo(readAll(mapping, Scripts.Format.YAML))
                .extracting(Request::key).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NDJSON | {\"t\": 0}\\n{\"t\": 1, \"kee\": \"x\"} | s:2:10: unknown field \"kee\"",
        "NDJSON | {\"t\": 0}\\n{\"t\": 1,} | s:2:",
        "NDJSON | {\"t\": 2}\\n{\"t\": 1} | s:2:",
        "NDJSON | {\"t\": \"soon\"} | s:1:7: t 'soon'",
        "NDJSON | {\"t\": 0, \"cost\": -1} | s:1:18: cost '-1'",
        "NDJSON | {\"key\": \"a\"} | s:1:1: missing field \"t\"",
        "NDJSON | [1] | s:1:1: expected a JSON object",
        "NDJSON | {\"t\": 0} {\"t\": 1} | s:1:10: unexpected content",
        "NDJSON | {\"t\": 0.0000001} | more precision than microseconds",
        "CSV    | t,key\\n0,a,b | s:2:1: 3 fields",
        "CSV    | time,key\\n0,a | s:1:1: unknown column \"time\"",
        "CSV    | t,dur\\n0,forever | s:2:3: dur:",
        "YAML   | - {t: 0}\\n- [1, 2] | s:2:3: expected a request mapping",
        "YAML   | - {t: 0\\n- t: 1 | s:2:",
        "YAML   | t: 0 | expected 'requests:'",
    })
    void malformedEntry_failsNamingFileLineAndColumn(Scripts.Format format, String text, String expected) {
        assertThatThrownBy(() -> readAll(text.replace("\\n", "\n"), format))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(expected.equals("more precision than microseconds") ? "at most microsecond precision" : expected);
    }

    @Test
    void open_byFileName_picksTheFormat_andMissingFileIsAnInputError(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("r.csv"), "t\n0\n");
        try (RequestSource s = Scripts.open(csv, null)) {
            assertThat(s.next()).isNotNull();
            assertThat(s.next()).isNull();
        }
        assertThatThrownBy(() -> Scripts.open(dir.resolve("nope.ndjson"), null)).hasMessageContaining("no such file");
        assertThatThrownBy(() -> Scripts.open(dir.resolve("r.txt"), null)).hasMessageContaining("cannot tell the script format");
    }

    @Test
    void ndjson_millionsOfLines_streamWithoutMaterialising() {
        long lines = 2_000_000;
        InputStream generated = new InputStream() {
            private long n;
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() {
                if (pos == line.length) {
                    if (n == lines) {
                        return -1;
                    }
                    line = ("{\"t\": " + n / 1000 + ", \"key\": \"k" + (n % 7) + "\"}\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                    n++;
                }
                return line[pos++];
            }
        };
        long count = 0;
        long last = -1;
        try (RequestSource s = Scripts.open(generated, "big.ndjson", Scripts.Format.NDJSON)) {
            for (Request r; (r = s.next()) != null;) {
                count++;
                last = r.atMicros();
            }
        }
        assertThat(count).isEqualTo(lines);
        assertThat(last).isEqualTo((lines - 1) / 1000 * 1_000_000);
    }
}
