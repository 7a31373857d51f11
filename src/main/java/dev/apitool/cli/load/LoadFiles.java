package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.Context;
import dev.apitool.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks on the files {@code load} and {@code load merge} write ({@code --hdr-log}, {@code --html}):
 * never standard output (it carries the report), never one another, never a file the command reads
 * (a targets file, a log being merged), so that no flag silently overwrites another's file.
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

    /** Returns whether {@code a} and {@code b} (either may be null) name one file, resolved against the working directory. */
    static boolean same(Context context, String a, String b) {
        if (a == null || b == null || a.equals("-") || b.equals("-")) {
            return false;
        }
        Path pa = context.workDir().resolve(a).toAbsolutePath().normalize();
        Path pb = context.workDir().resolve(b).toAbsolutePath().normalize();
        if (pa.equals(pb)) {
            return true;
        }
        try {
            return Files.exists(pa) && Files.exists(pb) && Files.isSameFile(pa, pb);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Refuses {@code written} (the file of {@code flag}) when it is {@code other}, the file of {@code otherFlag}.
     *
     * @throws ApitoolException (usage) naming both flags
     */
    static void refuseSame(Context context, String flag, String written, String otherFlag, String other) {
        if (same(context, written, other)) {
            throw new ApitoolException(ExitCode.USAGE, flag + " " + written + " is the file of " + otherFlag + " " + other
                    + ": one would overwrite the other; give another file");
        }
    }
}
