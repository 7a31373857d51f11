package dev.apitool.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Limit;
import dev.apitool.core.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The bounded, strict way every YAML and JSON input is read: the size is checked before any
 * parsing, and so is the length of each YAML line (SnakeYAML's scanning of one long line grows
 * with the square of its length: {@link LineCap}), bytes must be
 * UTF-8 (a bad byte is reported where it is, not replaced), duplicate keys are refused in both
 * notations, and the parser refuses aliases, deep nesting and a second document
 * ({@link GuardedParser}). Syntax errors are placed at SnakeYAML's exact mark when there is one
 * (Jackson's own location can point at the last good token) and never quote Jackson's internals.
 */
public final class ConfigText {

    /** The largest config or spec file read: 4 MiB. */
    public static final int MAX_BYTES = (int) Limit.CONFIG.bytes();
    /** The deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = yamlFactory(MAX_BYTES);
    /** Scripts stream; they keep SnakeYAML's own limit on a whole stream. */
    private static final YAMLFactory YAML_STREAM = yamlFactory(new LoaderOptions().getCodePointLimit());

    private ConfigText() {}

    private static YAMLFactory yamlFactory(int codePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(codePoints);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(0);
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    /**
     * Returns {@code bytes} as text, after checking the size and the encoding.
     *
     * @param file the input's name, first in every message
     * @throws InputException for a file over {@link #MAX_BYTES} (naming the cap) or bytes that are not UTF-8 ({@code file:line:column})
     */
    public static String decode(byte[] bytes, String file) {
        if (bytes.length > MAX_BYTES) {
            throw new InputException(file + ": " + bytes.length + " bytes is larger than the cap of " + (MAX_BYTES >> 20)
                    + " MiB for a config, expected a smaller file");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            throw new InputException(file + ":" + positionAfter(out) + ": invalid UTF-8 byte 0x"
                    + String.format("%02x", bytes[in.position()] & 0xff) + ", expected UTF-8 text");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Returns the line and column just past {@code text}. */
    private static Position positionAfter(CharSequence text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    /**
     * Returns a guarded parser over a whole document in {@code format}.
     *
     * @throws InputException for a YAML line longer than 16 Ki characters ({@code file:line:1}) or YAML text longer than 1 Mi characters
     */
    public static JsonParser parser(String text, String file, ConfigFormat format) throws IOException {
        if (format == ConfigFormat.JSON) {
            return new GuardedParser(JSON.createParser(text));
        }
        LineCap.check(text, file);
        return new GuardedParser(YAML.createParser(text));
    }

    /**
     * Returns a guarded parser over a YAML stream that is read entry by entry (a request script);
     * a line longer than 16 Ki characters, or text longer than 1 Mi characters, is refused as it is read, with an {@link InputException}.
     */
    public static JsonParser yamlStream(Reader in, String file) throws IOException {
        return new GuardedParser(YAML_STREAM.createParser(new LineCap.Capped(in, file)));
    }

    /** Returns the factory whole documents in {@code format} are read with, for a databind mapper. */
    static JsonFactory factory(ConfigFormat format) {
        return format == ConfigFormat.JSON ? JSON : YAML;
    }

    /** Returns where a syntax error is: SnakeYAML's exact mark when there is one, else Jackson's location. */
    public static Position position(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                return new Position(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
        }
        return position(e.getLocation());
    }

    /** Returns a Jackson location as a position, {@link Position#START} when it has none. */
    static Position position(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? Position.START : new Position(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    /**
     * Returns what a syntax error says, in one line: SnakeYAML's problem and context, a refusal
     * of a shape as it stands, else Jackson's first line without its hints; {@code prefix} goes
     * before syntax errors proper ("YAML syntax error: ").
     */
    public static String message(JsonProcessingException e, String prefix) {
        if (e instanceof GuardedParser.Refusal) {
            return e.getOriginalMessage();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
                String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
                return prefix + Texts.printable(m.getProblem() + context);
            }
        }
        String problem = Json.problem(e);
        if (problem.startsWith("Expected a field name")) {
            return prefix + "a mapping or list used as a key, expected a plain key";
        }
        return prefix + Texts.printable(problem.replaceAll("<?\\b(org\\.yaml|com\\.fasterxml)\\.[^ >]*(\\([^)]*\\))?>?", "an unexpected token"));
    }
}
