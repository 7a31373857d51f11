package dev.apitool.cli.shell;

import dev.apitool.core.shell.Redactor;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell on a terminal, through JLine: line editing, Tab completion from {@link Completion},
 * history in a file of mode 0600 whose lines are masked by {@link Redactor} before they are
 * saved, job notices printed above the prompt, and Ctrl-C taken from the terminal (at the prompt it
 * discards the line; while a command runs it cancels that command). Text typed while a command
 * runs is not echoed into its output; it becomes the start of the next line. Only this class and the
 * completion adapter in it touch JLine, and no {@code @Command} class refers to them.
 */
final class JLineConsole implements Console {

    /** Most lines kept in the history file. */
    static final int HISTORY_SIZE = 5000;

    private final Terminal terminal;
    private final LineReader reader;
    private final PrintWriter writer;
    private final Path historyFile;
    private final List<String> notices = new ArrayList<>();
    private final Attributes session;
    private boolean reading;

    private JLineConsole(Terminal terminal, LineReader reader, Path historyFile, Attributes session) {
        this.session = session;
        this.terminal = terminal;
        this.reader = reader;
        this.writer = terminal.writer();
        this.historyFile = historyFile;
    }

    /** Opens the terminal with {@code completion}, and the history in {@code historyFile} (created with mode 0600). */
    static JLineConsole open(Completion completion, Path historyFile) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).nativeSignals(true)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
            Attributes session = noEcho(terminal);
            privateFile(historyFile);
            return new JLineConsole(terminal, reader(terminal, completion, historyFile), historyFile, session);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code typed} (Tab included) through a line reader on an in-memory terminal and returns the line: the
     * launcher's training run, so that the class-data archive holds the line editor's classes.
     */
    static String train(Completion completion, String typed, Path historyFile) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(false).dumb(false).type("xterm").streams(
                new java.io.ByteArrayInputStream(typed.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.io.OutputStream.nullOutputStream()).build()) {
            return reader(terminal, completion, historyFile).readLine(Shell.PROMPT);
        }
    }

    /**
     * Turns the terminal's ECHO off for the whole session, and nothing else. The line reader echoes
     * what it reads itself (in raw mode, restoring these settings after each line), so the one
     * effect is on text typed while a command runs: the terminal no longer echoes it into the
     * command's output, and the next {@code readLine} reads it as typed-ahead input. Ctrl-C still
     * becomes SIGINT (ISIG stays on). Closing the terminal restores its settings from before.
     */
    private static Attributes noEcho(Terminal terminal) {
        Attributes quiet = terminal.getAttributes();
        quiet.setLocalFlag(Attributes.LocalFlag.ECHO, false);
        terminal.setAttributes(quiet);
        return new Attributes(quiet);
    }

    private static LineReader reader(Terminal terminal, Completion completion, Path historyFile) {
        return LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("apitool")
                .history(new MaskedHistory())
                .completer((r, line, candidates) -> {
                    List<String> before = line.words().subList(0, Math.min(line.wordIndex(), line.words().size()));
                    String partial = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
                    for (Completion.Choice c : completion.choices(before, partial)) {
                        candidates.add(new Candidate(c.value(), c.value(), null, c.description(), null, null, c.complete()));
                    }
                })
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' in a token or password is not history
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .build();
    }

    /** History whose every line is masked before it is kept (and so before it is written to the file). */
    private static final class MaskedHistory extends DefaultHistory {
        @Override
        public void add(Instant time, String line) {
            super.add(time, Redactor.line(line));
        }
    }

    /** Creates {@code file} readable by its owner only, or takes other users' access away from an existing one. */
    private static void privateFile(Path file) throws IOException {
        EnumSet<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try {
            if (Files.notExists(file)) {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.createFile(file, PosixFilePermissions.asFileAttribute(owner));
            } else {
                Files.setPosixFilePermissions(file, owner);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    @Override
    public String readLine(String prompt) {
        synchronized (this) {
            reading = true;
        }
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            return "";
        } catch (IOError e) {
            // Ctrl-C just after Enter: the reader interrupts itself while it restores the terminal (an stty
            // that the interrupt stops). Treat it as Ctrl-C, and put the session's settings back (else raw mode,
            // and no SIGINT for the next command, would stay).
            Thread.interrupted();
            terminal.setAttributes(session);
            return "";
        } catch (EndOfFileException e) {
            return null;
        } finally {
            synchronized (this) {
                reading = false;
            }
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public synchronized void notice(String line) {
        if (reading) {
            reader.printAbove(line);
        } else {
            notices.add(line);
        }
    }

    @Override
    public void flushNotices() {
        List<String> now;
        synchronized (this) {
            now = new ArrayList<>(notices);
            notices.clear();
        }
        now.forEach(writer::println);
        writer.flush();
    }

    @Override
    public boolean confirm(String question) {
        String answer = readLine(question);
        return answer != null && answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y");
    }

    @Override
    public void onCtrlC(Runnable onCtrlC) {
        terminal.handle(Terminal.Signal.INT, signal -> onCtrlC.run());
    }

    @Override
    public PrintWriter out() {
        return writer;
    }

    @Override
    public PrintWriter err() {
        return writer;
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            privateFile(historyFile);
            terminal.close();
        } catch (IOException e) {
            // leaving anyway; the history of this session may be lost
        }
    }
}
