package dev.apitool.cli;

/** The formats {@code --output} accepts; lowercase, as users type them. */
public enum OutputFormat {
    text, json, junit
}
