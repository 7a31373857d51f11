package dev.apitool.core.traffic;

import java.util.List;

/**
 * One entry of a request script read as a load target: its method, {@code url} or {@code path},
 * headers and body (inline or {@code bodyFile}), as written; {@code apitool load} resolves and
 * checks them. The rate-limit fields ({@code t}, {@code key}, {@code cost}, {@code dur}) are
 * ignored, so a {@code ratelimit} script is a targets file too. Positions are 1-based.
 */
public final class Target {

    private final String file;
    private final RequestReader.Entry e;

    Target(String file, RequestReader.Entry entry) {
        this.file = file;
        this.e = entry;
    }

    /** Returns the method as written, or null. */
    public String method() {
        return e.method;
    }

    /** Returns the absolute URL as written, or null. */
    public String url() {
        return e.url;
    }

    /** Returns the path (and query) as written, or null. */
    public String path() {
        return e.path;
    }

    /** Returns the headers as alternating names and values, in order (empty for none). */
    public List<String> headers() {
        return e.headers == null ? List.of() : List.copyOf(e.headers);
    }

    /** Returns the inline body, or null. */
    public String body() {
        return e.body;
    }

    /** Returns whether the body was written as a JSON object or array (it is then compact JSON text). */
    public boolean bodyJson() {
        return e.bodyJson;
    }

    /** Returns the body file as written (relative to the targets file), or null. */
    public String bodyFile() {
        return e.bodyFile;
    }

    /** Returns {@code file:line:column} of the entry. */
    public String where() {
        return at(e.line, e.column);
    }

    /** Returns {@code file:line:column} of the value of {@code field} (method, path, url, headers, bodyFile), else of the entry. */
    public String where(String field) {
        switch (field) {
            case "method": return at(e.methodLine, e.methodColumn);
            case "path": return at(e.pathLine, e.pathColumn);
            case "url": return at(e.urlLine, e.urlColumn);
            case "headers": return at(e.headersLine, e.headersColumn);
            case "bodyFile": return at(e.bodyFileLine, e.bodyFileColumn);
            default: return where();
        }
    }

    private String at(int line, int column) {
        return line == 0 ? where() : file + ":" + line + ":" + column;
    }
}
