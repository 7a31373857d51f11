package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * Parses {@code name=value} (a string) and {@code name:=JSON} (a typed value: number, boolean,
 * array, object, null) assignments, as HTTPie spells them, into a JSON object.
 */
final class Assignments {

    private Assignments() {}

    /** Sets in {@code target} the member {@code assignment} names; {@code flag} is named in errors. */
    static void apply(ObjectNode target, String assignment, String flag) {
        int eq = assignment.indexOf('=');
        if (eq <= 0 || (eq == 1 && assignment.charAt(0) == ':')) {
            throw new InputException(flag + " '" + assignment + "': expected NAME=TEXT or NAME:=JSON");
        }
        boolean typed = assignment.charAt(eq - 1) == ':';
        String name = assignment.substring(0, typed ? eq - 1 : eq);
        String raw = assignment.substring(eq + 1);
        JsonNode value;
        if (typed) {
            try {
                value = Json.parse(raw.getBytes(StandardCharsets.UTF_8), flag + " '" + name + "'");
            } catch (InputException e) {
                throw new InputException(e.getMessage() + " (NAME:=JSON takes JSON; use NAME=TEXT for a string)");
            }
        } else {
            value = TextNode.valueOf(raw);
        }
        target.set(name, value);
    }
}
