package dev.apitool.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report files (JSON, JUnit XML, HTML) so that a reader never sees half of one. */
public final class ReportFiles {

    private ReportFiles() {}

    /**
     * Replaces {@code path} atomically with {@code content} (UTF-8), so a reader (a CI step, a watch)
     * never sees half a report.
     *
     * @throws InputException naming {@code flag} and the path when it cannot be written
     */
    public static void replace(Path path, String content, String flag) {
        try {
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InputException(flag + ": cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
