package dev.apitool.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFileTest {

    @TempDir
    Path dir;

    private static OutputFile report(Path path, String name) {
        return OutputFile.check(path, name, "--html", OutputFile.Options.report());
    }

    private static Object inode(Path p) throws Exception {
        return Files.readAttributes(p, "unix:ino").get("ino");
    }

    @Test
    void write_newFile_isMode0644_andPrivateIs0600() throws Exception {
        Path pub = dir.resolve("report.html");
        report(pub, "report.html").write("<p>");
        assertThat(Files.readString(pub)).isEqualTo("<p>");
        assertThat(Files.getPosixFilePermissions(pub)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        Path key = dir.resolve("key.pem");
        OutputFile.check(key, "key.pem", "--out", OutputFile.Options.report().access(OutputFile.Access.PRIVATE)).write("k");
        assertThat(Files.getPosixFilePermissions(key))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void write_existingRegularFile_isReplacedAtomically_byANewFile_leavingNoTemporary() throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, "old");
        Object before = inode(file);
        report(file, "r.json").write("new");
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(inode(file)).isNotEqualTo(before); // a rename, not a rewrite in place
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("r.json");
        }
    }

    @Test
    void sink_closedWithoutCommit_keepsTheOldFile_andRemovesItsTemporary() throws Exception {
        Path log = dir.resolve("run.hlog");
        Files.writeString(log, "older log");
        try (OutputFile.Sink sink = report(log, "run.hlog").open()) {
            sink.stream().write("half a log".getBytes(StandardCharsets.UTF_8));
            // the run fails here: no commit
        }
        assertThat(Files.readString(log)).isEqualTo("older log");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("run.hlog");
        }
    }

    @Test
    void write_devNull_isWrittenThrough_neverReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        Object before = inode(devNull);
        report(devNull, "/dev/null").write("discarded");
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(inode(devNull)).isEqualTo(before);
        assertThat(Files.size(devNull)).isZero();
    }

    @Test
    void write_fifo_isWrittenThrough_toItsReader() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo is not available");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                in.transferTo(got);
                return got.toString(StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        report(fifo, "pipe").write("through the pipe");
        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }

    @Test
    void check_missingDirectory_isAnError_andNothingIsCreated() {
        Path file = dir.resolve("no/such/r.html");
        assertThatThrownBy(() -> report(file, "no/such/r.html"))
                .isInstanceOf(InputException.class)
                .hasMessage("--html: cannot write no/such/r.html: no such directory no/such");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void check_parentIsAFile_orPathIsADirectory_isAnError() throws Exception {
        Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> report(dir.resolve("taken/r.html"), "taken/r.html"))
                .hasMessage("--html: cannot write taken/r.html: taken is not a directory");
        Files.createDirectory(dir.resolve("d"));
        assertThatThrownBy(() -> report(dir.resolve("d"), "d"))
                .hasMessage("--html d: is a directory; give a file name");
    }

    @Test
    void check_noClobber_refusesAnExistingFile_andKeepsIt() throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, "keep me");
        assertThatThrownBy(() -> OutputFile.check(file, "r.json", "--report json=r.json", OutputFile.Options.report().noClobber(true)))
                .isInstanceOf(InputException.class)
                .hasMessage("--report json=r.json r.json: the file exists and --no-clobber keeps it");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        OutputFile.check(dir.resolve("new.json"), "new.json", "--report", OutputFile.Options.report().noClobber(true)).write("{}");
        assertThat(dir.resolve("new.json")).hasContent("{}");
    }

    @Test
    void write_symlinkToARegularFile_replacesTheFile_andKeepsTheLink() throws Exception {
        Path real = dir.resolve("reports/latest.html");
        Files.createDirectories(real.getParent());
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), Path.of("reports/latest.html"));
        report(link, "report.html").write("new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void check_unwritableDirectory_saysPermissionDenied_namingNoTemporary() throws Exception {
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root may write anywhere");
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> report(locked.resolve("r.html"), "locked/r.html"))
                    .hasMessage("--html: cannot write locked/r.html: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
