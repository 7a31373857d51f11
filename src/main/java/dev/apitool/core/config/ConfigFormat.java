package dev.apitool.core.config;

import java.util.Locale;

/** The two notations a config, spec or script is written in; JSON when the file name ends in {@code .json}. */
public enum ConfigFormat {
    YAML,
    JSON;

    /** Returns the format a file's name says: {@code .json} is JSON, anything else (stdin too) YAML. */
    public static ConfigFormat of(String file) {
        return file != null && file.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : YAML;
    }
}
