package dev.apitool.core.traffic;

import dev.apitool.core.time.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** Writes requests as a script the readers read back identically: NDJSON or CSV, streaming. */
public final class ScriptWriter {

    private ScriptWriter() {}

    /** Writes every request of {@code source} to {@code out}; returns how many. */
    public static long write(RequestSource source, Scripts.Format format, Writer out) {
        long n = 0;
        try {
            if (format == Scripts.Format.CSV) {
                out.write("t,key,cost,dur\n");
            }
            StringBuilder line = new StringBuilder(96);
            for (Request r; (r = source.next()) != null; n++) {
                line.setLength(0);
                String t = String.format(Locale.ROOT, "%d.%06d", r.atMicros() / 1_000_000, r.atMicros() % 1_000_000);
                String dur = Durations.formatExact(r.durationMicros());
                if (format == Scripts.Format.CSV) {
                    line.append(t).append(',').append(csv(r.key())).append(',').append(r.cost()).append(',').append(dur);
                } else {
                    line.append("{\"t\":\"").append(t).append("\",\"key\":\"").append(json(r.key()))
                            .append("\",\"cost\":").append(r.cost());
                    if (r.durationMicros() > 0) {
                        line.append(",\"dur\":\"").append(dur).append('"');
                    }
                    line.append('}');
                }
                out.write(line.append('\n').toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static String csv(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
