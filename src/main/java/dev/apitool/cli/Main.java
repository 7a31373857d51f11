package dev.apitool.cli;

import java.io.PrintWriter;

/** The {@code apitool} executable. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(Apitool.run(Context.system(), out, err, args));
    }
}
