package dev.apitool.cli;

import java.io.PrintWriter;

/** The {@code apitool} executable. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = Apitool.run(Context.system(), out, err, args);
        } catch (OutOfMemoryError e) {
            // Errors pass by picocli's handlers; this one is the user's to fix, so say how.
            err.println(Errors.PREFIX + "internal error: out of memory (" + e.getMessage()
                    + "); give the JVM more with APITOOL_JAVA_OPTS=-Xmx4g");
            code = ExitCode.INTERNAL.code();
        }
        System.exit(code);
    }
}
