package dev.apitool.cli;

import java.util.ArrayList;
import java.util.List;

/** The request-script formats as users type them, for the completion of {@code --format} and {@code --targets-format}. */
public final class ScriptFormats extends ArrayList<String> {

    private static final long serialVersionUID = 1L;

    public ScriptFormats() {
        super(List.of("ndjson", "csv", "yaml"));
    }
}
