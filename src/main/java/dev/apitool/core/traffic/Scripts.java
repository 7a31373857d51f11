package dev.apitool.core.traffic;

import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import dev.apitool.core.io.LimitedReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens request scripts by format: NDJSON ({@code .ndjson}, {@code .jsonl}), CSV, or YAML; as
 * rate-limit scripts ({@link RequestSource}) or as load targets ({@link TargetSource}).
 */
public final class Scripts {

    /** Script formats. */
    public enum Format { NDJSON, CSV, YAML }

    private Scripts() {}

    /** Returns the format a file name implies, or null. */
    public static Format formatOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl") || n.endsWith(".json")) {
            return Format.NDJSON;
        }
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".yaml") || n.endsWith(".yml")) {
            return Format.YAML;
        }
        return null;
    }

    /** Opens a script file, streaming; the format comes from its name unless given. */
    public static RequestSource open(Path path, Format format) {
        return source(path, format, false);
    }

    /** Opens a script on a stream (standard input, a test's bytes); {@code name} is used in messages. */
    public static RequestSource open(InputStream in, String name, Format format) {
        return source(in, name, format, false);
    }

    /** Opens a file of load targets (the same formats and fields, no arrival time needed), streaming. */
    public static TargetSource openTargets(Path path, Format format) {
        return new TargetSource(source(path, format, true));
    }

    /** Opens load targets on a stream (standard input, a test's bytes); {@code name} is used in messages. */
    public static TargetSource openTargets(InputStream in, String name, Format format) {
        return new TargetSource(source(in, name, format, true));
    }

    private static ScriptSource source(Path path, Format format, boolean targets) {
        Format f = format != null ? format : formatOf(path.getFileName().toString());
        if (f == null) {
            throw new InputException(path + ": cannot tell the " + (targets ? "targets" : "script")
                    + " format from the name: use .ndjson, .csv or .yaml");
        }
        try {
            return source(Files.newInputStream(path), path.toString(), f, targets);
        } catch (NoSuchFileException e) {
            throw new InputException(path + ": no such file");
        } catch (IOException e) {
            throw new InputException(path + ": cannot read: " + Inputs.reason(e), e);
        }
    }

    private static ScriptSource source(InputStream in, String name, Format format, boolean targets) {
        // streamed: each line capped, bytes that are not UTF-8 refused (a YAML script is read whole: capped as a config)
        BufferedReader reader = new BufferedReader(new LimitedReader(in, name, format == Format.YAML ? Limit.CONFIG : null), 1 << 16);
        switch (format) {
            case NDJSON: return new NdjsonScript(reader, name, targets);
            case CSV: return new CsvScript(reader, name, targets);
            default: return new YamlScript(reader, name, targets);
        }
    }
}
