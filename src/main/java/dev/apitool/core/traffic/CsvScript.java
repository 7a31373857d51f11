package dev.apitool.core.traffic;

import dev.apitool.core.io.InputException;
import java.io.BufferedReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A request script in CSV (RFC 4180 quoting, one record per line) with a header naming its
 * columns among {@value RequestReader#FIELDS}; read line by line.
 */
final class CsvScript extends ScriptSource.Lines {

    private String[] columns;

    CsvScript(BufferedReader in, String file) {
        super(in, file);
    }

    @Override
    public Request next() {
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
            switch (columns[i]) {
                case "t": e.t = v; e.tLine = line; e.tColumn = column; break;
                case "key": e.key = v; break;
                case "cost": e.cost = v; e.costLine = line; e.costColumn = column; break;
                case "dur": e.dur = v; e.durLine = line; e.durColumn = column; break;
                case "method": e.method = v; break;
                default: e.path = v; break;
            }
            column += cells.get(i).length() + 1;
        }
        return reader.toRequest(e, line, 1);
    }

    private void header(String text) {
        List<String> names = split(text);
        columns = new String[names.size()];
        int column = 1;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).strip();
            if (!List.of("t", "key", "cost", "dur", "method", "path").contains(n)) {
                throw new InputException(file + ":" + line + ":" + column + ": unknown column \"" + n
                        + "\" (expected a header of " + RequestReader.FIELDS + ")");
            }
            columns[i] = n;
            column += names.get(i).length() + 1;
        }
        if (!List.of(columns).contains("t")) {
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
