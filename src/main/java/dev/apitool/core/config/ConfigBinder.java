package dev.apitool.core.config;

import dev.apitool.core.io.Inputs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apitool.core.io.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binds a YAML or JSON document to immutable records with Jackson, strictly: a key no record
 * has is an error (with the keys expected and a did-you-mean), a value of the wrong type is an
 * error naming what was expected, and every error is an {@link InputException}
 * {@code file:line:column: what is wrong (expected …)} at the exact place, found by a
 * {@link Positions} scan of the same text, which stays available for the validation after binding.
 */
public final class ConfigBinder {

    /**
     * The words a config uses for its own parts in messages; every method has a plain default.
     * Health, for instance, says "in endpoint 'api'" where the default says "at /endpoints/0".
     */
    public interface Vocabulary {

        /** Returns where an unknown key of a {@code record} at {@code pointer} was found, such as "in defaults". */
        default String where(Class<?> record, String pointer, Positions positions) {
            return pointer.isEmpty() ? "at the top level" : "at " + pointer;
        }

        /** Returns what a value of {@code type} at {@code pointer} should look like, or null for the default wording. */
        default String expected(Class<?> type, String pointer) {
            return null;
        }
    }

    /** The default vocabulary. */
    public static final Vocabulary PLAIN = new Vocabulary() {};

    /** A bound document and where each of its values was written. */
    public record Bound<T>(T value, Positions positions) {}

    private static final class Mappers {
        static final ObjectMapper YAML = YAMLMapper.builder((YAMLFactory) ConfigText.factory(ConfigFormat.YAML))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        static final ObjectMapper JSON = JsonMapper.builder(ConfigText.factory(ConfigFormat.JSON))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    private ConfigBinder() {}

    /**
     * Returns the document in {@code bytes} bound to {@code type}; the value is null for an empty document.
     * The format follows the file's name ({@link ConfigFormat#of}); the size cap and UTF-8 are checked first.
     *
     * @param file the file's name, first in every message
     * @throws InputException {@code file:line:column: what is wrong (expected …)}
     */
    public static <T> Bound<T> bind(byte[] bytes, String file, Class<T> type, Vocabulary words) {
        return bind(ConfigText.decode(bytes, file), file, ConfigFormat.of(file), type, words);
    }

    /** As {@link #bind(byte[], String, Class, Vocabulary)}, for text already decoded. */
    public static <T> Bound<T> bind(String text, String file, ConfigFormat format, Class<T> type, Vocabulary words) {
        if (text.length() > ConfigText.MAX_BYTES) {
            throw new InputException(file + ": larger than the cap of " + (ConfigText.MAX_BYTES >> 20)
                    + " MiB for a config, expected a smaller file");
        }
        Positions positions = Positions.scan(text, file, format);
        if (text.isBlank()) {
            return new Bound<>(null, positions);
        }
        ObjectMapper mapper = format == ConfigFormat.JSON ? Mappers.JSON : Mappers.YAML;
        try {
            return new Bound<>(mapper.readValue(text, type), positions);
        } catch (UnrecognizedPropertyException e) {
            throw unknownKey(positions, e, words);
        } catch (MismatchedInputException e) {
            throw mismatch(positions, e, words);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InputException cause) {
                throw cause;
            }
            if (e.getCause() instanceof InputCoercionException c) {
                throw outOfRange(positions, c, Positions.pointer(e));
            }
            String ptr = Positions.pointer(e);
            throw positions.error(positions.value(ptr), (ptr.isEmpty() ? "" : name(ptr) + ": ") + firstLine(e.getOriginalMessage()));
        } catch (InputCoercionException e) {
            throw outOfRange(positions, e, positions.pointerAt(ConfigText.position(e.getLocation())));
        } catch (JsonProcessingException e) {
            throw positions.error(ConfigText.position(e), ConfigText.message(e, ""));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + Inputs.reason(e), e);
        }
    }

    private static InputException outOfRange(Positions positions, InputCoercionException e, String ptr) {
        Class<?> t = e.getTargetType();
        String what = t == Integer.TYPE || t == Integer.class ? "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                : t == Long.TYPE || t == Long.class ? "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE
                : "a number in range";
        Position at = ptr == null ? ConfigText.position(e.getLocation()) : positions.value(ptr);
        return positions.error(at, (ptr == null || ptr.isEmpty() ? "number" : name(ptr)) + ": " + positions.scalarOr(ptr)
                + " is out of range, expected " + what);
    }

    /** Returns the keys a record accepts, in declaration order. */
    public static List<String> keys(Class<?> record) {
        if (!record.isRecord()) {
            return List.of();
        }
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList();
    }

    private static InputException unknownKey(Positions positions, UnrecognizedPropertyException e, Vocabulary words) {
        String ptr = Positions.pointer(e);
        String parent = ptr.substring(0, Math.max(0, ptr.lastIndexOf('/')));
        Class<?> type = e.getReferringClass();
        List<String> known = new ArrayList<>(keys(type));
        if (known.isEmpty() && e.getKnownPropertyIds() != null) {
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
        }
        String key = e.getPropertyName();
        return positions.error(positions.key(ptr), "unknown key '" + key + "' " + words.where(type, parent, positions)
                + ", expected one of " + String.join(", ", known) + DidYouMean.suffix(key, known));
    }

    private static InputException mismatch(Positions positions, MismatchedInputException e, Vocabulary words) {
        String ptr = Positions.pointer(e);
        Class<?> type = e.getTargetType();
        String expected = words.expected(type, ptr);
        if (expected == null) {
            expected = expected(type);
        }
        String got = positions.scalar(ptr);
        String key = ptr.isEmpty() ? "the document" : name(ptr);
        return positions.error(positions.value(ptr), key + ": expected " + expected
                + (got != null ? ", got '" + got + "'" : ptr.isEmpty() ? "" : ", got something else"));
    }

    /** Returns the default wording of what a value of {@code type} looks like. */
    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        } else if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (type == String.class) {
            return "a single value";
        } else if (type != null && type.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        } else if (type != null && List.class.isAssignableFrom(type)) {
            return "a list (- item)";
        } else if (type != null && Map.class.isAssignableFrom(type)) {
            return "a mapping of NAME: value";
        }
        return "a mapping";
    }

    /** Returns the last part of a pointer, the key or index a message names. */
    private static String name(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    private static String firstLine(String s) {
        int cut = s == null ? -1 : s.indexOf('\n');
        return cut >= 0 ? s.substring(0, cut) : String.valueOf(s);
    }
}
