package dev.apitool.core.config;

/** A 1-based line and column in a config file, printed as {@code line:column}. */
public record Position(int line, int column) {

    /** The first character of a file: where errors about the whole document point. */
    public static final Position START = new Position(1, 1);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
