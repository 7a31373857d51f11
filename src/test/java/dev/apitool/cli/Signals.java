package dev.apitool.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests that signal a child JVM: a signal this JVM ignores is ignored by every child it starts (an ignored
 * disposition survives exec, and the JVM installs no handler over it), so such a test would time out for a reason
 * that has nothing to do with apitool. This happens when the suite is started with {@code nohup} or as a background
 * job of a non-interactive shell ({@code cmd &} ignores SIGINT). The test then fails at once, saying so.
 */
public final class Signals {

    private Signals() {
    }

    /** Fails the test when {@code name} (INT, HUP, TERM) is ignored by this process, and so by its children. */
    public static void requireDeliverable(String name) {
        int number = switch (name) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException("no signal number for " + name);
        };
        if ((ignoredMask() & (1L << (number - 1))) != 0) {
            fail("SIG" + name + " is ignored by this test JVM, and so by the child it would signal (inherited from"
                    + " nohup or from a background job 'cmd &'): run the suite in the foreground");
        }
    }

    private static long ignoredMask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) {
                    return Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to check
        }
        return 0;
    }
}
