package dev.apitool.cli;

import java.util.Arrays;
import java.util.List;

/**
 * What one in-process run of apitool left behind: its exit code and everything it wrote to
 * stdout and stderr. Assert on it with {@link CommandResultAssert#assertThat}.
 *
 * @param args the arguments the run was given, for failure messages
 */
public record CommandResult(int exitCode, String out, String err, List<String> args) {

    /** Returns stderr split into lines, without empty trailing lines. */
    public List<String> errLines() {
        return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    /** Returns stdout with its trailing line ending removed: the token of {@code jwt sign}, say. */
    public String outLine() {
        return out.strip();
    }

    @Override
    public String toString() {
        return "apitool " + String.join(" ", args) + "\n-- exit " + exitCode
                + "\n-- stdout --\n" + out + "\n-- stderr --\n" + err;
    }
}
