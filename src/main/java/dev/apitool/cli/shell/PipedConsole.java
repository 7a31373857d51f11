package dev.apitool.cli.shell;

import dev.apitool.cli.Interrupts;
import dev.apitool.core.io.LimitedReader;
import dev.apitool.core.shell.ShellLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines from piped standard input ({@code apitool shell < script.txt}): no prompt, no history, job
 * notices on stderr between lines, and Ctrl-C (SIGINT) for the command that runs. The input is read
 * through core.io's {@link LimitedReader}: bytes that are not UTF-8, or a line past its cap (an
 * endless line such as {@code < /dev/zero}), end the script with a usage error naming the place.
 */
final class PipedConsole implements Console {

    private final BufferedReader in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> notices = new ArrayList<>();
    private Interrupts interrupts;

    PipedConsole(InputStream in, PrintWriter out, PrintWriter err) {
        this.in = new BufferedReader(new LimitedReader(in, "<stdin>", null));
        this.out = out;
        this.err = err;
    }

    @Override
    public String readLine(String prompt) {
        try {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (line.length() > ShellLine.MAX_LENGTH) {
                    continue; // ShellLine reports the length; the rest of the line is read and dropped
                }
                line.append((char) c);
            }
            return c < 0 && line.length() == 0 ? null : line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public synchronized void notice(String line) {
        notices.add(line);
    }

    @Override
    public void flushNotices() {
        List<String> now;
        synchronized (this) {
            now = new ArrayList<>(notices);
            notices.clear();
        }
        out.flush();
        for (String n : now) {
            err.println(n);
        }
        err.flush();
    }

    @Override
    public boolean confirm(String question) {
        return true; // nobody to ask: a script that ends leaves
    }

    @Override
    public void onCtrlC(Runnable onCtrlC) {
        interrupts = Interrupts.onCtrlC(onCtrlC);
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public void close() {
        if (interrupts != null) {
            interrupts.close();
        }
        out.flush();
        err.flush();
    }
}
