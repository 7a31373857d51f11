package dev.apitool.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Resolves the value conventions that every apitool flag taking a secret or a body shares:
 * a literal, {@code @path} (a file's bytes), {@code env:NAME} (an environment variable),
 * {@code b64:TEXT} (base64 or base64url bytes) and {@code -} (standard input, at most once per run).
 */
public final class Inputs {

    /** Bytes of a resolved value and a human name of where they came from, for messages. */
    public record Value(byte[] bytes, String origin, boolean fromFile) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Map<String, String> env;
    private final Supplier<InputStream> stdin;
    private final Path workDir;
    private boolean stdinTaken;

    public Inputs(Map<String, String> env, Supplier<InputStream> stdin, Path workDir) {
        this.env = Objects.requireNonNull(env);
        this.stdin = Objects.requireNonNull(stdin);
        this.workDir = Objects.requireNonNull(workDir);
    }

    /**
     * Returns the bytes {@code spec} names.
     *
     * @param flag the flag the value came from, named in error messages (e.g. {@code --secret})
     * @param allowEnv whether {@code env:NAME} and {@code b64:} are accepted (secrets yes, bodies no)
     */
    public Value resolve(String spec, String flag, boolean allowEnv) {
        if (spec.equals("-")) {
            return new Value(readStdin(flag), "standard input", true);
        }
        if (spec.startsWith("@")) {
            Path path = file(spec.substring(1), flag);
            return new Value(readFile(path, flag), path.toString(), true);
        }
        if (allowEnv && spec.startsWith("env:")) {
            String name = spec.substring(4);
            String value = env.get(name);
            if (value == null) {
                throw new InputException(flag + ": environment variable " + name + " is not set");
            }
            return new Value(value.getBytes(StandardCharsets.UTF_8), "environment variable " + name, false);
        }
        if (allowEnv && spec.startsWith("b64:")) {
            String text = spec.substring(4).strip();
            try {
                byte[] bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
                return new Value(bytes, flag + " (base64)", false);
            } catch (IllegalArgumentException e) {
                throw new InputException(flag + ": b64: value is not valid base64: " + e.getMessage());
            }
        }
        return new Value(spec.getBytes(StandardCharsets.UTF_8), flag, false);
    }

    /** Returns the text of a file named by a {@code -f}-style flag, or of standard input for {@code -}. */
    public Value readPathOrStdin(String name, String flag) {
        if (name.equals("-")) {
            return new Value(readStdin(flag), "standard input", true);
        }
        Path path = file(name, flag);
        return new Value(readFile(path, flag), path.toString(), true);
    }

    /** Returns all of standard input; a second use in one run is an error, since the first drained it. */
    public byte[] readStdin(String flag) {
        if (stdinTaken) {
            throw new InputException(flag + ": standard input (-) is already used by another value");
        }
        stdinTaken = true;
        try (InputStream in = stdin.get()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InputException(flag + ": cannot read standard input: " + e.getMessage(), e);
        }
    }

    /** Returns the path {@code name} resolves to against the working directory. */
    public Path file(String name, String flag) {
        if (name.isEmpty()) {
            throw new InputException(flag + ": '@' must be followed by a file name");
        }
        return workDir.resolve(name);
    }

    private static byte[] readFile(Path path, String flag) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InputException(flag + ": " + path + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(flag + ": " + path + ": cannot read: " + e.getMessage(), e);
        }
    }
}
