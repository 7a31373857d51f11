package dev.apitool.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ShellLineTest {

    private static List<String> literals(String line) {
        return ShellLine.parse(line).words().stream().map(ShellLine.Word::literal).toList();
    }

    @Test
    void parse_quotesAndEscapes_makeOneWordEach() {
        assertThat(literals("jwt sign --claim 'name=Ada Lovelace' \"a \\\"b\\\"\" c\\ d ''"))
                .containsExactly("jwt", "sign", "--claim", "name=Ada Lovelace", "a \"b\"", "c d", "");
    }

    @Test
    void parse_trailingAmpersand_runsInTheBackground() {
        ShellLine spaced = ShellLine.parse("health http://x/ --watch &");
        ShellLine attached = ShellLine.parse("health http://x/ --watch&  ");
        assertThat(spaced.background()).isTrue();
        assertThat(attached.background()).isTrue();
        assertThat(attached.words()).extracting(ShellLine.Word::literal).containsExactly("health", "http://x/", "--watch");
        assertThat(ShellLine.parse("load 'a&' b").background()).isFalse();
        assertThat(ShellLine.parse("echo '&'").background()).isFalse();
    }

    @Test
    void parse_expansions_areKeptAsParts() {
        ShellLine line = ShellLine.parse("jwt verify $token --secret \"$(cat \"x)y\")\" ${base}/v1");
        ShellLine.Word token = line.words().get(2);
        assertThat(token.parts()).extracting(ShellLine.Part::kind).containsExactly(ShellLine.Kind.VARIABLE);
        assertThat(token.parts().get(0).text()).isEqualTo("token");
        ShellLine.Part command = line.words().get(4).parts().get(0);
        assertThat(command.kind()).isEqualTo(ShellLine.Kind.COMMAND);
        assertThat(command.text()).isEqualTo("cat \"x)y\"");
        assertThat(line.words().get(5).parts()).extracting(ShellLine.Part::kind)
                .containsExactly(ShellLine.Kind.VARIABLE, ShellLine.Kind.LITERAL);
    }

    @Test
    void parse_singleQuotes_doNotExpand() {
        assertThat(literals("set x '$(jwt sign) $y'")).containsExactly("set", "x", "$(jwt sign) $y");
    }

    @Test
    void parse_commentAndBlank_haveNoWords() {
        assertThat(ShellLine.parse("   ").empty()).isTrue();
        assertThat(ShellLine.parse("# a comment").empty()).isTrue();
        assertThat(literals("jobs # list them")).containsExactly("jobs");
    }

    @Test
    void parse_unclosedQuote_namesItsColumn() {
        assertThatThrownBy(() -> ShellLine.parse("jwt sign --claim 'x"))
                .isInstanceOf(ShellLine.SyntaxException.class)
                .hasMessage("column 18: unclosed ' (expected a closing ')");
        assertThatThrownBy(() -> ShellLine.parse("set t $(jwt sign"))
                .hasMessage("column 7: unclosed $( (expected a closing ))");
    }

    static LongStream seeds() {
        return new Random(20261203L).longs(200);
    }

    /** Random lines from the shell's alphabet: parsing either succeeds with words inside the line, or fails with a column in it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parse_randomLine_splitsOrNamesAColumnInTheLine(long seed) {
        Random r = new Random(seed);
        String alphabet = "ab -'\"\\$(){}&#=\t:/";
        StringBuilder s = new StringBuilder();
        int n = r.nextInt(40);
        for (int k = 0; k < n; k++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        String line = s.toString();
        try {
            ShellLine parsed = ShellLine.parse(line);
            for (ShellLine.Word w : parsed.words()) {
                assertThat(w.start()).as("seed %d: %s", seed, line).isBetween(0, line.length());
                assertThat(w.end()).as("seed %d: %s", seed, line).isBetween(w.start(), line.length());
            }
            // masking never throws on a line that parses, and keeps words that hold no secret
            assertThat(Redactor.line(line)).as("seed %d", seed).isNotNull();
        } catch (ShellLine.SyntaxException e) {
            assertThat(e.column()).as("seed %d: %s", seed, line).isBetween(1, line.length() + 1);
        }
    }
}
