package dev.apitool.cli.shell;

import java.io.PrintWriter;

/** Where the shell's lines come from and its output goes: a terminal (JLine) or piped standard input. */
interface Console extends AutoCloseable {

    /** Returns the next line, {@code ""} when Ctrl-C discarded the one being typed, or null at the end of input. */
    String readLine(String prompt);

    /** Returns whether a person is typing (a prompt, history, {@code [exit N]} notes, confirmation on exit). */
    boolean interactive();

    /** Tells of a background job's end, without breaking into the line being typed or into a command's output. */
    void notice(String line);

    /** Prints the notices held back while a command ran. */
    void flushNotices();

    /** Asks {@code question}; returns whether the answer was yes. */
    boolean confirm(String question);

    /**
     * Stops the terminal echoing what is typed while a command runs in the foreground, so that
     * type-ahead does not garble the command's output; the typed text is kept for the next
     * {@link #readLine}. Returns what gives the echo back (nothing to do when piped).
     */
    default Runnable holdTypeAhead() {
        return () -> { };
    }

    /** Runs {@code onCtrlC} on each Ctrl-C while a command runs, until closed. */
    void onCtrlC(Runnable onCtrlC);

    PrintWriter out();

    PrintWriter err();

    @Override
    void close();
}
