package dev.apitool.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real apitool command line in process, through {@link Apitool#run}, with a
 * {@link Context} the test controls: a fixed clock, an explicit environment (a fresh home in the
 * test's temp directory, nothing inherited), given standard input, the temp directory as working
 * directory, and no terminal. Immutable: each {@code with}-style call returns a new runner.
 */
public final class Cli {

    /** The instant every run sees unless a test says otherwise. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Path workDir;
    private final Map<String, String> env;
    private final byte[] stdin;
    private final Instant now;
    private final boolean interactive;

    private Cli(Path workDir, Map<String, String> env, byte[] stdin, Instant now, boolean interactive) {
        this.workDir = workDir;
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.now = now;
        this.interactive = interactive;
    }

    /** Returns a runner working in {@code workDir}, with HOME and XDG_CONFIG_HOME inside it. */
    public static Cli in(Path workDir) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", workDir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", workDir.resolve("home/.config").toString());
        return new Cli(workDir, env, new byte[0], NOW, false);
    }

    /** Returns a runner that also has the environment variable {@code name}. */
    public Cli env(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return new Cli(workDir, e, stdin, now, interactive);
    }

    /** Returns a runner whose standard input holds {@code text} (UTF-8). */
    public Cli stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a runner whose standard input holds {@code bytes}. */
    public Cli stdin(byte[] bytes) {
        return new Cli(workDir, env, bytes.clone(), now, interactive);
    }

    /** Returns a runner whose clock stands at {@code instant}. */
    public Cli at(Instant instant) {
        return new Cli(workDir, env, stdin, instant, interactive);
    }

    /** Returns a runner whose clock stands {@code d} after {@link #NOW}. */
    public Cli later(Duration d) {
        return at(NOW.plus(d));
    }

    /** Returns a runner that behaves as if stdout were a terminal (colour, no waiting on stdin). */
    public Cli onTerminal() {
        return new Cli(workDir, env, stdin, now, true);
    }

    public Path workDir() {
        return workDir;
    }

    /** Writes {@code content} to {@code name} in the working directory and returns {@code name}. */
    public String file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code name} in the working directory and returns {@code name}. */
    public String file(String name, byte[] bytes) {
        try {
            Path p = workDir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the test resource {@code /keys/NAME} into the working directory and returns {@code name}. */
    public String key(String name) {
        try (InputStream in = Cli.class.getResourceAsStream("/keys/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test key /keys/" + name);
            }
            return file(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the text of {@code name} in the working directory. */
    public String read(String name) {
        try {
            return Files.readString(workDir.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code apitool ARGS} and returns what it did. */
    public CommandResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        byte[] input = stdin;
        Context context = new Context(env, () -> new ByteArrayInputStream(input), workDir,
                Clock.fixed(now, ZoneOffset.UTC), interactive);
        int code = Apitool.run(context, new PrintWriter(out), new PrintWriter(err), args);
        return new CommandResult(code, out.toString(), err.toString(), List.of(args));
    }
}
