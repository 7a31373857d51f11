package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.ExitCode;

/**
 * The one check on the files {@code load} and {@code load merge} write ({@code --hdr-log},
 * {@code --html}) that is theirs: never standard output, which carries the report. That no output
 * is an input or another output is {@link dev.apitool.cli.FileOptions}' rule, as for every command.
 */
final class LoadFiles {

    private LoadFiles() {}

    /**
     * Refuses {@code -} as the file of {@code flag}.
     *
     * @throws ApitoolException (usage)
     */
    static void refuseStdout(String flag, String file) {
        if (file != null && file.equals("-")) {
            throw new ApitoolException(ExitCode.USAGE, flag + " -: standard output carries the report; give a file name");
        }
    }

}
