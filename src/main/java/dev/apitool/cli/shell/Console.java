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

    /** Runs {@code onCtrlC} on each Ctrl-C while a command runs, until closed. */
    void onCtrlC(Runnable onCtrlC);

    PrintWriter out();

    PrintWriter err();

    @Override
    void close();
}
