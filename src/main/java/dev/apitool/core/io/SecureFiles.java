package dev.apitool.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/** Writes files that may hold secrets: created owner-only (0600) from the start, never widened later. */
public final class SecureFiles {

    private SecureFiles() {}

    /**
     * Writes {@code bytes} to a new file {@code path}; with {@code secret} the file is created mode
     * 0600 (on POSIX file systems), otherwise 0644.
     *
     * @param overwrite replace an existing file; without it an existing file is an error
     */
    public static void write(Path path, byte[] bytes, boolean secret, boolean overwrite, String flag) {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try {
            if (overwrite) {
                Files.deleteIfExists(path);
            }
            FileAttribute<?>[] attrs = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"))}
                    : new FileAttribute<?>[0];
            try (SeekableByteChannel ch = Files.newByteChannel(path, options, attrs)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new InputException(flag + ": " + path + " already exists (--force replaces it)");
        } catch (IOException e) {
            throw new InputException(flag + ": cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
