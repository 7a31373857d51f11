package dev.apitool.core.traffic;

import dev.apitool.core.io.Inputs;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * A request script in NDJSON: one JSON object per line, blank lines ignored; read line by line.
 *
 * <p>A line in the compact shape {@code ratelimit generate} writes ({@code {"t":"0.250","key":"u1","cost":1}}:
 * no whitespace, string values without escapes, plain integers) is read by {@link #compact}
 * without a JSON parser, about four times faster; any other line, including every malformed one,
 * goes through the strict parser, so both give the same requests and the same errors.
 */
final class NdjsonScript extends ScriptSource.Lines {

    /** The longest line {@link #compact} reads, far below the parser's limits on strings and numbers. */
    private static final int COMPACT_MAX = 4096;

    NdjsonScript(BufferedReader in, String file, boolean targets) {
        super(in, file, targets);
    }

    @Override
    RequestReader.Entry entry() {
        String text = nextLine();
        if (text == null) {
            return null;
        }
        RequestReader.Entry compact = compact(text, line);
        if (compact != null) {
            compact.line = line;
            compact.column = 1;
            return compact;
        }
        try (JsonParser p = Json.parser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file + ":" + line + ":1: expected a JSON object ("
                        + (targets ? "{\"path\": …}" : "{\"t\": …}") + ") on each line");
            }
            RequestReader.Entry e = RequestReader.readObject(p, file, line - 1, targets);
            if (p.nextToken() != null) {
                throw new InputException(file + ":" + line + ":" + p.currentTokenLocation().getColumnNr()
                        + ": unexpected content after the JSON object (one object per line)");
            }
            e.line = line;
            e.column = 1;
            return e;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InputException(file + ":" + line + ":" + (loc == null ? 1 : loc.getColumnNr()) + ": " + Json.problem(e));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + Inputs.reason(e), e);
        }
    }

    /**
     * Returns the fields of a line that is one flat JSON object with no whitespace, names among
     * t, key, cost, dur, method, path each at most once, values strings of printable ASCII without
     * escapes or integers of at most 18 digits without leading zeros; null for any other line, or one
     * longer than {@value #COMPACT_MAX} characters (the parser decides those).
     * Values and positions are those the parser would report: the text of a string without its
     * quotes, the digits of a number, the column of the value's first character.
     */
    static RequestReader.Entry compact(String text, int line) {
        int n = text.length();
        if (n < 2 || n > COMPACT_MAX || text.charAt(0) != '{' || text.charAt(n - 1) != '}') {
            return null;
        }
        RequestReader.Entry e = new RequestReader.Entry();
        int seen = 0;
        int i = 1;
        while (true) {
            // "name":
            if (i >= n || text.charAt(i) != '"') {
                return null;
            }
            int nameEnd = text.indexOf('"', i + 1);
            if (nameEnd < 0 || nameEnd + 1 >= n || text.charAt(nameEnd + 1) != ':') {
                return null;
            }
            int field = field(text, i + 1, nameEnd);
            if (field < 0 || (seen & (1 << field)) != 0) {
                return null;
            }
            seen |= 1 << field;
            // the value: a string or an integer
            int start = nameEnd + 2;
            int end;
            String value;
            if (start < n && text.charAt(start) == '"') {
                end = start + 1;
                while (end < n && text.charAt(end) != '"') {
                    char c = text.charAt(end);
                    if (c < 0x20 || c > 0x7e || c == '\\') {
                        return null;
                    }
                    end++;
                }
                if (end >= n) {
                    return null;
                }
                value = text.substring(start + 1, end);
                end++;
            } else {
                end = start < n && text.charAt(start) == '-' ? start + 1 : start;
                int digits = end;
                while (end < n && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                    end++;
                }
                if (end == digits || end - digits > 18 || (text.charAt(digits) == '0' && end - digits > 1)) {
                    return null;
                }
                value = text.substring(start, end);
            }
            int column = start + 1;
            switch (field) {
                case 0: e.t = value; e.tLine = line; e.tColumn = column; break;
                case 1: e.key = value; break;
                case 2: e.cost = value; e.costLine = line; e.costColumn = column; break;
                case 3: e.dur = value; e.durLine = line; e.durColumn = column; break;
                case 4: e.method = value; e.methodLine = line; e.methodColumn = column; break;
                default: e.path = value; e.pathLine = line; e.pathColumn = column; break;
            }
            if (end == n - 1) {
                return e;
            }
            if (end >= n || text.charAt(end) != ',') {
                return null;
            }
            i = end + 1;
        }
    }

    /** Returns the index of the field named by {@code text[from, to)} in t, key, cost, dur, method, path, or -1. */
    private static int field(String text, int from, int to) {
        switch (to - from) {
            case 1: return text.charAt(from) == 't' ? 0 : -1;
            case 3: return text.startsWith("key", from) ? 1 : text.startsWith("dur", from) ? 3 : -1;
            case 4: return text.startsWith("cost", from) ? 2 : text.startsWith("path", from) ? 5 : -1;
            case 6: return text.startsWith("method", from) ? 4 : -1;
            default: return -1;
        }
    }
}
