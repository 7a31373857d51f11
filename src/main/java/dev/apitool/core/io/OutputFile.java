package dev.apitool.core.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one way apitool writes a file a user named ({@code --html}, {@code --report}, {@code --out},
 * {@code --hdr-log}, key files), with one rule for all of them:
 * <ul>
 *   <li>A regular file (or a new one) is replaced atomically: the content goes to a hidden temporary
 *       file in the same directory, renamed over the target only when complete, so a reader never
 *       sees half a file and a failed write leaves the old file as it was.</li>
 *   <li>Anything else that exists at the path (a device such as {@code /dev/null}, a FIFO,
 *       {@code /dev/stdout}) is written through and never replaced.</li>
 *   <li>A missing parent directory is an error; it is not created.</li>
 *   <li>An existing file is overwritten (as {@code curl -o} does) unless the options say
 *       {@link Existing#REFUSE} ({@code --no-clobber}), or {@link Existing#REFUSE_UNLESS_FORCED} for
 *       a private key's file, the one exception: it is never replaced silently.</li>
 *   <li>A new regular file is mode 0644, or 0600 with {@link Access#PRIVATE} (keys, anything that may
 *       hold a secret).</li>
 * </ul>
 * {@link #check} does every check a path allows before the work, so a command fails on a bad path
 * before it sends a request or generates a key; errors name the path as the user gave it, never the
 * temporary file.
 */
public final class OutputFile {

    /** Who may read a new file. */
    public enum Access {
        /** Mode 0644: reports, logs, public keys. */
        PUBLIC("rw-r--r--"),
        /** Mode 0600: private keys, secrets. */
        PRIVATE("rw-------");

        private final String mode;

        Access(String mode) {
            this.mode = mode;
        }
    }

    /** What to do when the path already exists. */
    public enum Existing {
        /** Overwrite it (the default, as curl -o and k6 do). */
        REPLACE,
        /** Refuse with a usage error ({@code --no-clobber}). */
        REFUSE,
        /**
         * Refuse a regular file with a usage error that says to force it: a file that may hold a private
         * key is never replaced silently ({@code jwt keygen --out} without {@code --force}).
         */
        REFUSE_UNLESS_FORCED
    }

    /** How to write one file. */
    public record Options(Access access, Existing existing) {

        /** Returns the options of a report: 0644, replacing what is there. */
        public static Options report() {
            return new Options(Access.PUBLIC, Existing.REPLACE);
        }

        /** Returns these options with {@code access}. */
        public Options access(Access a) {
            return new Options(a, existing);
        }

        /**
         * Returns these options for a private key file (mode 0600): an existing regular file is refused
         * unless {@code force}; {@link Existing#REFUSE} stays as it is.
         */
        public Options privateKey(boolean force) {
            return new Options(Access.PRIVATE, existing == Existing.REFUSE || force ? existing : Existing.REFUSE_UNLESS_FORCED);
        }

        /** Returns these options refusing an existing file when {@code noClobber}. */
        public Options noClobber(boolean noClobber) {
            return new Options(access, noClobber ? Existing.REFUSE : Existing.REPLACE);
        }
    }

    private final Path path;
    private final String label;
    private final Options options;

    private OutputFile(Path path, String label, Options options) {
        this.path = path;
        this.label = label;
        this.options = options;
    }

    /**
     * Returns the output file {@code path} after checking now what can be checked before the work:
     * not a directory, the parent directory exists and is writable, not present under
     * {@link Existing#REFUSE}, writable when it is a device or FIFO.
     *
     * @param name the path as the user gave it, shown in errors
     * @param flag the flag that named it, shown in errors
     * @throws InputException naming the flag and the path
     */
    public static OutputFile check(Path path, String name, String flag, Options options) {
        OutputFile f = new OutputFile(path, flag + ": cannot write " + name, options);
        String what = flag + " " + name;
        if (name.isBlank()) {
            throw new InputException(flag + ": expected a file name");
        }
        if (Files.isDirectory(path)) {
            throw new InputException(what + ": is a directory; give a file name");
        }
        boolean exists = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        if (exists && options.existing() == Existing.REFUSE) {
            throw new InputException(what + ": the file exists and --no-clobber keeps it");
        }
        if (exists && options.existing() == Existing.REFUSE_UNLESS_FORCED && !f.through()) {
            throw new InputException(what + ": the file exists and may hold a private key;"
                    + " pass --force to replace it, or remove it");
        }
        if (f.through()) {
            if (!Files.isWritable(path)) {
                throw new InputException(f.label + ": permission denied");
            }
            return f;
        }
        Path dir = f.target().toAbsolutePath().getParent();
        Path given = Path.of(name).getParent();
        String shown = given == null || f.target() != path ? dir.toString() : given.toString();
        if (!Files.exists(dir)) {
            throw new InputException(f.label + ": no such directory " + shown);
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(f.label + ": " + shown + " is not a directory");
        }
        if (!Files.isWritable(dir)) {
            throw new InputException(f.label + ": permission denied");
        }
        return f;
    }

    /** Returns the file's path. */
    public Path path() {
        return path;
    }

    /** Writes {@code content} as UTF-8, all at once. */
    public void write(String content) {
        write(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes}, all at once. */
    public void write(byte[] bytes) {
        try (Sink sink = open()) {
            sink.stream().write(bytes);
            sink.commit();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Returns a stream to write the file through; the file appears (replacing the old one) only on
     * {@link Sink#commit()}; closing without committing leaves the old file untouched.
     *
     * @throws InputException when the file cannot be opened
     */
    public Sink open() {
        try {
            if (through()) {
                return new Sink(Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), null);
            }
            Path target = target();
            Path dir = target.toAbsolutePath().getParent();
            FileAttribute<?>[] attrs = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(options.access().mode))}
                    : new FileAttribute<?>[0];
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attrs);
            return new Sink(Files.newOutputStream(tmp, StandardOpenOption.WRITE), tmp);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Returns whether the path is written through: it exists and is not a regular file (or a link to one). */
    private boolean through() {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isSymbolicLink(path)) {
            return true; // a device, a FIFO, a socket
        }
        Path real = realRegular();
        return real == null;
    }

    /** Returns the file a rename replaces: the path, or the regular file a symbolic link leads to (the link is kept). */
    private Path target() {
        Path real = Files.isSymbolicLink(path) ? realRegular() : null;
        return real != null ? real : path;
    }

    /** Returns the regular file the link {@code path} resolves to, or null (a device, /proc's descriptors, a dangling link). */
    private Path realRegular() {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.startsWith("/dev") || abs.startsWith("/proc")) {
            return null;
        }
        try {
            Path real = path.toRealPath();
            return Files.isRegularFile(real) && !real.startsWith("/proc") ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private InputException failure(IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such directory"
                : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e.getMessage();
        return new InputException(label + ": " + why, e);
    }

    /**
     * One write of the file: {@link #stream()} takes the bytes, {@link #commit()} makes them the file,
     * {@link #close()} without a commit discards them and leaves the old file as it was.
     */
    public final class Sink implements AutoCloseable {
        private final OutputStream out;
        private final Path tmp;
        private boolean done;

        private Sink(OutputStream out, Path tmp) {
            this.out = out;
            this.tmp = tmp;
        }

        /** Returns the stream to write to; closing it only flushes it (the sink decides the file's fate). */
        public OutputStream stream() {
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            };
        }

        /**
         * Completes the file: closes the stream and renames the temporary file over the target.
         *
         * @throws InputException when it cannot
         */
        public void commit() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
                if (tmp != null) {
                    Files.move(tmp, target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                discard();
                throw failure(e);
            }
        }

        /** Ends the write; without {@link #commit()} the temporary file is deleted and the old file kept. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                out.close();
            } catch (IOException ignored) {
                // discarded anyway
            }
            discard();
        }

        private void discard() {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do: the target was never touched
                }
            }
        }
    }
}
