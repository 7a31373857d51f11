package dev.apitool.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
        /** Returns the bytes as UTF-8 text; bytes that are not UTF-8 are an error saying where, never replaced. */
        public String text() {
            return utf8(bytes, origin);
        }
    }

    /** Returns {@code bytes} as UTF-8 text, or fails naming {@code where} and the line and column of the first bad byte. */
    public static String utf8(byte[] bytes, String where) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.position(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new InputException(where + ":" + line + ":" + column + ": invalid UTF-8 (byte 0x"
                    + String.format("%02x", bytes[in.position()] & 0xff) + " at offset " + in.position() + "; expected UTF-8 text)");
        }
        decoder.flush(out);
        return out.flip().toString();
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

    /** Returns the environment variables {@code env:NAME} and {@code ${NAME}} references read from. */
    public Map<String, String> environment() {
        return env;
    }

    /**
     * Returns the bytes {@code spec} names.
     *
     * @param flag the flag the value came from, named in error messages (e.g. {@code --secret})
     * @param allowEnv whether {@code env:NAME} and {@code b64:} are accepted (secrets yes, bodies no)
     * @param limit the cap on the value's size
     */
    public Value resolve(String spec, String flag, boolean allowEnv, Limit limit) {
        if (spec.equals("-")) {
            return new Value(readStdin(flag, limit), "standard input", true);
        }
        if (spec.startsWith("@")) {
            Path path = file(spec.substring(1), flag);
            return new Value(readFile(path, flag, limit), path.toString(), true);
        }
        if (allowEnv && spec.startsWith("env:")) {
            String name = spec.substring(4);
            String value = env.get(name);
            if (value == null) {
                throw new InputException(flag + ": environment variable " + name + " is not set");
            }
            return new Value(capped(value.getBytes(StandardCharsets.UTF_8), flag + ": environment variable " + name, limit),
                    "environment variable " + name, false);
        }
        if (allowEnv && spec.startsWith("b64:")) {
            String text = spec.substring(4).strip();
            try {
                byte[] bytes = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
                return new Value(capped(bytes, flag + " (base64)", limit), flag + " (base64)", false);
            } catch (IllegalArgumentException e) {
                throw new InputException(flag + ": b64: value is not valid base64: " + e.getMessage());
            }
        }
        return new Value(capped(spec.getBytes(StandardCharsets.UTF_8), flag, limit), flag, false);
    }

    private static byte[] capped(byte[] bytes, String where, Limit limit) {
        if (bytes.length > limit.bytes()) {
            throw limit.exceeded(where);
        }
        return bytes;
    }

    /** Returns the text of a file named by a {@code -f}-style flag, or of standard input for {@code -}. */
    public Value readPathOrStdin(String name, String flag, Limit limit) {
        if (name.equals("-")) {
            return new Value(readStdin(flag, limit), "standard input", true);
        }
        Path path = file(name, flag);
        return new Value(readFile(path, flag, limit), path.toString(), true);
    }

    /** Returns all of standard input, at most {@code limit}; a second use in one run is an error, since the first drained it. */
    public byte[] readStdin(String flag, Limit limit) {
        return read(takeStdin(flag), flag + ": standard input", limit);
    }

    /** Returns standard input to stream from; a second use in one run is an error, since the first drained it. */
    public InputStream takeStdin(String flag) {
        if (stdinTaken) {
            throw new InputException(flag + ": standard input (-) is already used by another value");
        }
        stdinTaken = true;
        return stdin.get();
    }

    /**
     * Returns the bytes of {@code in}, at most {@code limit} (reading stops one byte past it, so
     * {@code /dev/zero} fails at once), and closes it.
     *
     * @param where the input as the message names it ({@code --secret: /dev/zero})
     */
    public static byte[] read(InputStream in, String where, Limit limit) {
        try (InputStream s = in) {
            byte[] bytes = s.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
            if (bytes.length > limit.bytes()) {
                throw limit.exceeded(where);
            }
            return bytes;
        } catch (IOException e) {
            throw new InputException(where + ": cannot read: " + reason(e), e);
        }
    }

    /**
     * Returns why a file could not be read, in words: {@code no such file}, {@code permission
     * denied}, {@code is a directory}, else the system's reason.
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String m = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : String.valueOf(e.getMessage());
        if (m.toLowerCase(java.util.Locale.ROOT).contains("is a directory")) {
            return "is a directory";
        }
        if (m.toLowerCase(java.util.Locale.ROOT).contains("permission denied")) {
            return "permission denied";
        }
        return m;
    }

    /** Returns the path {@code name} resolves to against the working directory. */
    public Path file(String name, String flag) {
        if (name.isEmpty()) {
            throw new InputException(flag + ": '@' must be followed by a file name");
        }
        return workDir.resolve(name);
    }

    /**
     * Returns the bytes of the file {@code path}, at most {@code limit}.
     *
     * @param where the input as messages name it before the path (a flag, {@code t.yaml:3:5: bodyFile})
     */
    public static byte[] readFile(Path path, String where, Limit limit) {
        if (Files.isDirectory(path)) {
            throw new InputException(where + ": " + path + ": cannot read: is a directory");
        }
        try {
            return read(Files.newInputStream(path), where + ": " + path, limit);
        } catch (NoSuchFileException e) {
            throw new InputException(where + ": " + path + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new InputException(where + ": " + path + ": cannot read: " + reason(io), e);
        }
    }
}
