package dev.apitool.core.traffic;

import dev.apitool.core.io.InputException;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A request script in CSV (RFC 4180 quoting, one record per line) with a header naming its
 * columns among {@value RequestReader#FIELDS} (but {@code headers}: a column {@code header:NAME}
 * gives that header, left out where its cell is empty); read line by line.
 */
final class CsvScript extends ScriptSource.Lines {

    private static final String HEADER = "header:";
    private static final List<String> NAMES = List.of("t", "key", "cost", "dur", "method", "path", "url", "body", "bodyFile");

    private String[] columns;

    CsvScript(BufferedReader in, String file, boolean targets) {
        super(in, file, targets);
    }

    @Override
    RequestReader.Entry entry() {
        String text = nextLine();
        if (columns == null) {
            if (text == null) {
                return null;
            }
            header(text);
            text = nextLine();
        }
        if (text == null) {
            return null;
        }
        List<String> cells = split(text);
        if (cells.size() != columns.length) {
            throw new InputException(file + ":" + line + ":1: " + cells.size() + " fields, but the header names " + columns.length);
        }
        RequestReader.Entry e = new RequestReader.Entry();
        int column = 1;
        for (int i = 0; i < columns.length; i++) {
            String v = cells.get(i).isEmpty() ? null : cells.get(i);
            if (!e.set(columns[i], v, line, column) && v != null) { // not a field: a header column
                if (e.headers == null) {
                    e.headersLine = line;
                    e.headersColumn = column;
                }
                e.header(columns[i].substring(HEADER.length()), v);
            }
            column += cells.get(i).length() + 1;
        }
        e.line = line;
        e.column = 1;
        return e;
    }

    private void header(String text) {
        List<String> names = split(text);
        columns = new String[names.size()];
        int column = 1;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).strip();
            boolean header = n.startsWith(HEADER) && n.length() > HEADER.length();
            if (!NAMES.contains(n) && !header) {
                throw new InputException(file + ":" + line + ":" + column + ": unknown column \"" + n
                        + "\" (expected a header of " + (targets ? String.join(", ", NAMES) + ", header:NAME" : RequestReader.SCRIPT_FIELDS) + ")");
            }
            if (java.util.Arrays.asList(columns).subList(0, i).contains(n)) {
                throw new InputException(file + ":" + line + ":" + column + ": column \"" + n + "\" is named twice");
            }
            columns[i] = n;
            column += names.get(i).length() + 1;
        }
        if (!targets && !List.of(columns).contains("t")) {
            throw new InputException(file + ":" + line + ":1: the header has no \"t\" column (the arrival time)");
        }
    }

    /** Splits one CSV record: commas separate, double quotes enclose, "" is a quote inside quotes. */
    private List<String> split(String text) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new InputException(file + ":" + line + ":" + text.length() + ": unterminated quoted field");
        }
        cells.add(cell.toString());
        return cells;
    }
}
