package dev.apitool.cli.shell;

import dev.apitool.core.pipeline.PipelineSpec;
import dev.apitool.core.pipeline.SpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

/**
 * The routes of pipeline specs, for Tab: the spec a {@code pipeline} command of this session last
 * loaded ({@link #loaded}), or one named on the line being typed. Read through the pipeline's own
 * spec reader and kept until the file changes; a spec that cannot be read offers nothing (the
 * command itself says what is wrong when it runs).
 */
final class SpecRoutes {

    private final Path workDir;
    private volatile Path last;
    private Path cachedFile;
    private FileTime cachedTime;
    private List<PipelineSpec.Route> cached = List.of();

    SpecRoutes(Path workDir) {
        this.workDir = workDir;
    }

    /** Remembers {@code spec} (as typed: relative to the working directory) as the spec last loaded; {@code -} is not a file. */
    void loaded(String spec) {
        if (!spec.equals("-") && !spec.isBlank()) {
            last = workDir.resolve(spec).toAbsolutePath().normalize();
        }
    }

    /** Returns the routes of the spec last loaded, or none. */
    List<PipelineSpec.Route> routes() {
        Path file = last;
        return file == null ? List.of() : read(file);
    }

    /** Returns the routes of {@code spec} (as typed), or none when it cannot be read. */
    List<PipelineSpec.Route> routes(String spec) {
        return spec.equals("-") ? List.of() : read(workDir.resolve(spec).toAbsolutePath().normalize());
    }

    private synchronized List<PipelineSpec.Route> read(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            if (file.equals(cachedFile) && time.equals(cachedTime)) {
                return cached;
            }
            if (!Files.isRegularFile(file) || Files.size(file) > SpecReader.MAX_BYTES) {
                return List.of();
            }
            List<PipelineSpec.Route> routes = SpecReader.read(Files.readAllBytes(file), file.getFileName().toString()).spec().routes();
            cachedFile = file;
            cachedTime = time;
            cached = routes;
            return routes;
        } catch (IOException | RuntimeException e) {
            return List.of(); // not there, not readable, not YAML: nothing to offer
        }
    }
}
