package dev.apitool.core.shell;

import dev.apitool.core.io.InputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The shell session's {@code set NAME VALUE} state: defaults that later commands take (the
 * shell adds {@code --NAME VALUE} to a command that has that option and was not given it; {@code url}
 * is the base a relative path goes to) and variables that {@code $NAME} expands to. Bounded: at
 * most {@link #MAX_SETTINGS} names, each value at most {@link #MAX_VALUE} characters.
 */
public final class Settings {

    /** Most settings a session may hold. */
    public static final int MAX_SETTINGS = 256;
    /** Longest value, in characters. */
    public static final int MAX_VALUE = 64 * 1024;

    private final Map<String, String> values = new TreeMap<>();

    /** Sets {@code name} to {@code value}; an {@link InputException} for a bad name, a long value or too many settings. */
    public void set(String name, String value) {
        if (!ShellLine.validName(name)) {
            throw new InputException("bad setting name '" + name + "' (expected letters, digits, _ and -, starting with a letter or _)");
        }
        if (value.length() > MAX_VALUE) {
            throw new InputException("the value of '" + name + "' is " + value.length() + " characters long (expected at most "
                    + MAX_VALUE + ")");
        }
        if (!values.containsKey(name) && values.size() >= MAX_SETTINGS) {
            throw new InputException("too many settings (expected at most " + MAX_SETTINGS + "; unset some first)");
        }
        values.put(name, value);
    }

    /** Removes {@code name}; returns whether it was set. */
    public boolean unset(String name) {
        return values.remove(name) != null;
    }

    /** Returns the value of {@code name}, if set. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Returns every setting, sorted by name. */
    public Map<String, String> all() {
        return new TreeMap<>(values);
    }

    /** Returns {@code NAME = VALUE} lines sorted by name, secrets masked. */
    public List<String> shown() {
        List<String> lines = new ArrayList<>();
        values.forEach((k, v) -> lines.add(k + " = " + Redactor.setting(k, v)));
        return lines;
    }
}
