package dev.apitool.core.traffic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apitool.core.io.InputException;
import dev.apitool.core.time.Durations;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Turns the fields of one script entry into a {@link Request}, the same way for every format:
 * {@code t} (seconds offset such as {@code 0.250} or {@code 0.25}, a duration such as
 * {@code 250ms}, or an ISO-8601 timestamp), {@code key}, {@code cost}, {@code dur}, {@code method},
 * {@code path}. Entries must be in time order; ISO timestamps count from the first one.
 */
final class RequestReader {

    static final String FIELDS = "t, key, cost, dur, method, path";

    private final String file;
    private long index;
    private long lastMicros;
    private Instant origin;
    private Boolean absolute;

    RequestReader(String file) {
        this.file = file;
    }

    /** Fields of one entry as text, with the position each came from. */
    static final class Entry {
        String t, key, cost, dur, method, path;
        int tLine, tColumn, costLine, costColumn, durLine, durColumn;
    }

    /** Reads one JSON/YAML object (the parser is on its START_OBJECT) into an entry. */
    static Entry readObject(JsonParser p, String file, int lineOffset) throws IOException {
        Entry e = new Entry();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int nameLine = p.currentTokenLocation().getLineNr() + lineOffset;
            int nameColumn = p.currentTokenLocation().getColumnNr();
            JsonToken value = p.nextToken();
            int line = p.currentTokenLocation().getLineNr() + lineOffset;
            int column = p.currentTokenLocation().getColumnNr();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw new InputException(file + ":" + line + ":" + column + ": field \"" + name + "\" must be a plain value");
            }
            String text = value == JsonToken.VALUE_NULL ? null : p.getText();
            switch (name) {
                case "t": e.t = text; e.tLine = line; e.tColumn = column; break;
                case "key": e.key = text; break;
                case "cost": e.cost = text; e.costLine = line; e.costColumn = column; break;
                case "dur": e.dur = text; e.durLine = line; e.durColumn = column; break;
                case "method": e.method = text; break;
                case "path": e.path = text; break;
                default:
                    throw new InputException(file + ":" + nameLine + ":" + nameColumn + ": unknown field \"" + name
                            + "\" (expected " + FIELDS + ")");
            }
        }
        return e;
    }

    /** Returns the request an entry describes; {@code line} and {@code column} locate the entry. */
    Request toRequest(Entry e, int line, int column) {
        if (e.t == null) {
            throw new InputException(file + ":" + line + ":" + column + ": missing field \"t\" (the arrival time)");
        }
        long at = micros(e.t, e.tLine, e.tColumn);
        if (at < lastMicros) {
            throw new InputException(at(e.tLine, e.tColumn) + "t " + e.t + " is earlier than the request before it: scripts are in time order");
        }
        lastMicros = at;
        long cost = 1;
        if (e.cost != null) {
            try {
                cost = Long.parseLong(e.cost.strip());
            } catch (NumberFormatException ex) {
                cost = -1;
            }
            if (cost < 0) {
                throw new InputException(at(e.costLine, e.costColumn) + "cost '" + e.cost + "' must be a whole number, 0 or more");
            }
        }
        long dur = 0;
        if (e.dur != null) {
            try {
                dur = Durations.parse(e.dur).toNanos() / 1000;
            } catch (IllegalArgumentException ex) {
                throw new InputException(at(e.durLine, e.durColumn) + "dur: " + ex.getMessage());
            }
        }
        String key = e.key == null || e.key.isEmpty() ? "default" : e.key;
        return new Request(++index, at, key, cost, dur, e.method, e.path);
    }

    private long micros(String t, int line, int column) {
        String s = t.strip();
        boolean iso = s.length() > 10 && s.charAt(4) == '-' && s.indexOf('T') > 0;
        if (absolute != null && absolute != iso) {
            throw new InputException(at(line, column) + "t '" + t + "': a script uses either ISO-8601 timestamps or offsets, not both");
        }
        absolute = iso;
        try {
            if (iso) {
                Instant instant = OffsetDateTime.parse(s).toInstant();
                if (instant.getNano() % 1000 != 0) {
                    throw new NumberFormatException(); // as for offsets: finer than a microsecond is refused, not rounded
                }
                if (origin == null) {
                    origin = instant;
                }
                long micros = (instant.getEpochSecond() - origin.getEpochSecond()) * 1_000_000
                        + (instant.getNano() - origin.getNano()) / 1000;
                return micros;
            }
            if (!s.isEmpty() && Character.isLetter(s.charAt(s.length() - 1))) {
                return Durations.parse(s).toNanos() / 1000;
            }
            long plain = plainSeconds(s);
            if (plain >= 0) {
                return plain;
            }
            BigDecimal seconds = new BigDecimal(s);
            if (seconds.signum() < 0) {
                throw new NumberFormatException();
            }
            return seconds.movePointRight(6).longValueExact();
        } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException ex) {
            throw new InputException(at(line, column) + "t '" + t + "': expected seconds from the start (0.250), "
                    + "a duration (250ms) or an ISO-8601 timestamp, at most microsecond precision");
        }
    }

    /**
     * Returns {@code s} in microseconds when it is plain seconds, 1 to 12 digits and optionally a point
     * and 1 to 6 more ({@code 0.250}, {@code 12.000035}, as scripts are written), without a BigDecimal;
     * -1 for any other form, which the general path reads (or refuses) as before.
     */
    static long plainSeconds(String s) {
        int n = s.length();
        int point = s.indexOf('.');
        int whole = point < 0 ? n : point;
        int fraction = point < 0 ? 0 : n - point - 1;
        if (whole < 1 || whole > 12 || (point >= 0 && (fraction < 1 || fraction > 6))) {
            return -1;
        }
        long micros = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (i == point) {
                continue;
            }
            if (c < '0' || c > '9') {
                return -1;
            }
            micros = micros * 10 + (c - '0');
        }
        for (int i = fraction; i < 6; i++) {
            micros *= 10;
        }
        return micros;
    }

    private String at(int line, int column) {
        return file + ":" + line + ":" + column + ": ";
    }
}
