package dev.apitool.core.traffic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.apitool.core.io.InputException;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.json.Json;
import dev.apitool.core.time.Durations;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the fields of one script entry into a {@link Request}, the same way for every format:
 * {@code t} (seconds offset such as {@code 0.250} or {@code 0.25}, a duration such as
 * {@code 250ms}, or an ISO-8601 timestamp), {@code key}, {@code cost}, {@code dur}, {@code method},
 * {@code path}. Entries must be in time order; ISO timestamps count from the first one.
 *
 * <p>The same entries are {@code apitool load}'s targets ({@link TargetSource}), which also read
 * {@code url}, {@code headers}, {@code body} and {@code bodyFile} and ignore the rate-limit fields;
 * a script reads those four and ignores them, so one file can serve both.
 */
final class RequestReader {

    static final String FIELDS = "t, key, cost, dur, method, path, url, headers, body, bodyFile";
    private static final List<String> NAMES = List.of(FIELDS.split(", "));
    /** The fields a rate-limit script uses, as its messages name them. */
    static final String SCRIPT_FIELDS = "t, key, cost, dur, method, path";

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
        /** Where the entry starts: its object, mapping or CSV line. */
        int line, column;
        /** The fields load's targets read: the URL, the body (JSON text when given as an object or array) or its file. */
        String url, body, bodyFile;
        boolean bodyJson;
        /** Headers as alternating names and values, or null. */
        List<String> headers;
        int methodLine, methodColumn, pathLine, pathColumn, urlLine, urlColumn, headersLine, headersColumn,
                bodyFileLine, bodyFileColumn;

        /**
         * Sets the plain field {@code name} to {@code value} (null for none), read at {@code line}:{@code column};
         * returns false, setting nothing, when {@code name} is not one (a header column, a structure).
         */
        boolean set(String name, String value, int line, int column) {
            switch (name) {
                case "t": t = value; tLine = line; tColumn = column; break;
                case "key": key = value; break;
                case "cost": cost = value; costLine = line; costColumn = column; break;
                case "dur": dur = value; durLine = line; durColumn = column; break;
                case "method": method = value; methodLine = line; methodColumn = column; break;
                case "path": path = value; pathLine = line; pathColumn = column; break;
                case "url": url = value; urlLine = line; urlColumn = column; break;
                case "body": body = value; break;
                case "bodyFile": bodyFile = value; bodyFileLine = line; bodyFileColumn = column; break;
                default: return false;
            }
            return true;
        }

        /** Adds a header read from a CSV column or a JSON/YAML member. */
        void header(String name, String value) {
            if (headers == null) {
                headers = new ArrayList<>(4);
            }
            headers.add(name);
            headers.add(value);
        }
    }

    /**
     * Reads one JSON/YAML object (the parser is on its START_OBJECT) into an entry; {@code targets}
     * says which fields an unknown one is told to be among (a script's, or all that load reads).
     */
    static Entry readObject(JsonParser p, String file, int lineOffset, boolean targets) throws IOException {
        Entry e = new Entry();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int nameLine = p.currentTokenLocation().getLineNr() + lineOffset;
            int nameColumn = p.currentTokenLocation().getColumnNr();
            if (!NAMES.contains(name)) {
                throw new InputException(file + ":" + nameLine + ":" + nameColumn + ": unknown field \"" + name
                        + "\" (expected " + (targets ? FIELDS : SCRIPT_FIELDS) + ")");
            }
            JsonToken value = p.nextToken();
            int line = p.currentTokenLocation().getLineNr() + lineOffset;
            int column = p.currentTokenLocation().getColumnNr();
            if (name.equals("headers")) {
                e.headersLine = line;
                e.headersColumn = column;
                readHeaders(p, value, e, file, lineOffset);
                continue;
            }
            if (name.equals("body") && (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY)) {
                StringWriter json = new StringWriter();
                try (JsonGenerator g = Json.generator(json)) {
                    g.copyCurrentStructure(p);
                }
                e.body = json.toString();
                e.bodyJson = true;
                continue;
            }
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                throw new InputException(file + ":" + line + ":" + column + ": field \"" + name + "\" must be a plain value");
            }
            e.set(name, value == JsonToken.VALUE_NULL ? null : p.getText(), line, column); // every name is checked above
        }
        return e;
    }

    /** Reads {@code headers}: an object of names and values, or an array of {@code "Name: value"} strings, or null. */
    private static void readHeaders(JsonParser p, JsonToken value, Entry e, String file, int lineOffset) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        boolean object = value == JsonToken.START_OBJECT;
        if (!object && value != JsonToken.START_ARRAY) {
            throw new InputException(file + ":" + e.headersLine + ":" + e.headersColumn
                    + ": \"headers\" must be an object ({\"Name\": \"value\"}) or a list of \"Name: value\" strings");
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY; t = p.nextToken()) {
            String name = object ? p.currentName() : null;
            if (object) {
                t = p.nextToken();
            }
            int line = p.currentTokenLocation().getLineNr() + lineOffset;
            int column = p.currentTokenLocation().getColumnNr();
            if (!t.isScalarValue() || t == JsonToken.VALUE_NULL) {
                throw new InputException(file + ":" + line + ":" + column + ": header "
                        + (object ? "\"" + name + "\" " : "") + "must be a plain value, not " + (t == JsonToken.VALUE_NULL ? "null" : "a nested one"));
            }
            String text = p.getText();
            if (!object) {
                int colon = text.indexOf(':');
                if (colon <= 0) {
                    throw new InputException(file + ":" + line + ":" + column + ": header '" + Redact.headerLine(text) + "': no ':' after the header name, expected 'Name: value'");
                }
                name = text.substring(0, colon).strip();
                text = text.substring(colon + 1).strip();
            }
            e.header(name, text);
        }
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
