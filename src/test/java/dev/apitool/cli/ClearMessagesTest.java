package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The inputs whose errors once leaked Java internals (issue 11, "Clear messages"): each is one
 * {@code apitool: error:} line, exit 2, naming the input (its file, or its flag) and what was
 * expected, with none of the parsers' own words.
 */
class ClearMessagesTest {

    /** What a message must never show: exception names, parser internals, a temporary file, a stack frame. */
    static final Pattern INTERNALS = Pattern.compile("For input string|InvocationTargetException|out of range of int|BufferUnderflow"
            + "|Index -?\\d+ out of bounds|\\[Source: |JsonReadFeature|got 'e1'|\\.tmp\\b|Exception|\\tat |hold -\\d");

    @TempDir
    Path dir;

    private static final String HLOG = "#[StartTime: 1700000000.000 (seconds since epoch)]\\n#[Histogram log format version 1.3]\\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hdr log, damaged histogram   | in.hlog      | " + HLOG + "0.000,1.000,1.000,HISTFAAAACl4\\n        | load merge FILE                  | in.hlog",
        "hdr log, garbage bytes       | in.hlog      | " + HLOG + "0.000,1.000,1.000,HISTFAAAAAAAAAAAA\\n   | load merge FILE                  | in.hlog",
        "hdr log, huge number         | in.hlog      | " + HLOG + "99999999999999999999,1,1,AAAA\\n        | load merge FILE                  | in.hlog",
        "hdr log, unknown version     | in.hlog      | #[Histogram log format version 9.99]\\n                  | load merge FILE                  | in.hlog",
        "yaml alias                   | h.yaml       | x: &e1 {name: a, url: 'http://127.0.0.1:9/'}\\nendpoints: [*e1]\\n | health -f FILE --check-config | h.yaml",
        "yaml, int out of range       | h.yaml       | endpoints: [{name: a, url: 'http://127.0.0.1:9/', retries: 99999999999}]\\n | health -f FILE --check-config | retries",
        "json comment in targets      | t.ndjson     | {\"url\": \"http://127.0.0.1:9/\"} // x\\n             | load http://127.0.0.1:9 -n 1 --targets FILE | t.ndjson",
        "json single quotes in script | s.ndjson     | {'t': 0}\\n                                          | ratelimit simulate --policy gcra:rate=1/s --script FILE | s.ndjson",
        "number too big in script     | s.ndjson     | {\"t\": 0, \"cost\": 99999999999999999999}\\n        | ratelimit simulate --policy gcra:rate=1/s --script FILE | s.ndjson",
        "ok-status not a number       | x.txt        | x                                                   | load http://127.0.0.1:9/ -n 1 --ok-status abc | --ok-status",
        "report under a regular file  | x.txt        | x                                                   | health http://127.0.0.1:9/ --report json=FILE/r.json | x.txt",
    })
    void hostileInput_oneLineExit2_namingTheInput_withoutInternals(String name, String file, String content, String command, String named) {
        Cli cli = Cli.in(dir);
        String path = cli.file(file, content.replace("\\n", "\n"));

        CommandResult r = cli.run(command.replace("FILE", path).split(" "));

        assertThat(r).as(name).exitedWith(2).failedWithOneLineError(named);
        assertThat(r.out() + r.err()).as(name).doesNotContainPattern(INTERNALS);
    }
}
