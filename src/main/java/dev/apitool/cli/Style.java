package dev.apitool.cli;

/** ANSI styling that collapses to plain text when colour is off. */
public final class Style {

    private final boolean on;

    public Style(boolean on) {
        this.on = on;
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return on ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
