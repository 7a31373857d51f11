package dev.apitool.core.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apitool.core.config.ConfigFormat;
import dev.apitool.core.config.ConfigText;
import dev.apitool.core.config.EnvExpander;
import dev.apitool.core.config.Positions;
import dev.apitool.core.io.InputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a spec's structure into a {@link PipelineSpec}: the top-level keys, services, the
 * middleware lists and the routes. The text goes through {@code core.config} first (size cap,
 * UTF-8, syntax, duplicate keys, aliases, depth, one document), which also gives the positions. It records every structural problem into {@link Problems}
 * and goes on, so a check lists them all; type-specific settings are read later, by the factories.
 */
public final class SpecReader {

    /** The only {@code apiVersion} this reader knows. */
    public static final String API_VERSION = "apitool/v1";

    /** Specs larger than this are refused before parsing. */
    public static final int MAX_BYTES = ConfigText.MAX_BYTES;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> TOP = List.of("apiVersion", "services", "stores", "middleware", "routes");
    private static final List<String> ROUTE_KEYS = List.of("method", "path", "name", "handler", "middleware", "exclude");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "*");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()+,;=:@%-]*|\\{[A-Za-z_][A-Za-z0-9_]*\\}|\\*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private SpecReader() {}

    /** The spec read so far and the problems found in it. */
    public record Result(PipelineSpec spec, Problems problems) {}

    /**
     * Returns the spec in {@code yaml} with its structural problems, {@code ${NAME}} references left as written.
     *
     * @throws InputException when the file is too large or is not YAML at all (a syntax error has no structure to go on with)
     */
    public static Result read(byte[] yaml, String file) {
        return read(yaml, file, null);
    }

    /**
     * Returns the spec in {@code yaml} with its structural problems; every string value has its
     * {@code ${NAME}}, {@code ${NAME:-default}} and {@code $$} expanded from {@code vars} first (as
     * health configs do), and a reference to an unset variable is an error at its position.
     *
     * @param vars the variables to expand from; null leaves references as written
     * @throws InputException when the file is too large or is not YAML at all (a syntax error has no structure to go on with)
     */
    public static Result read(byte[] yaml, String file, Map<String, String> vars) {
        String text = ConfigText.decode(yaml, file);
        Positions positions = Positions.scan(text, file);
        Problems problems = new Problems(file, positions);
        JsonNode root;
        try (JsonParser parser = ConfigText.parser(text, file, ConfigFormat.YAML)) {
            root = text.isBlank() ? null : YAML.readTree(parser);
        } catch (IOException e) {
            throw new InputException(file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (vars != null && root != null) {
            expand(root, "", new EnvExpander(vars), positions, problems);
        }
        Node top = new Node(root, "", problems);
        List<PipelineSpec.Service> services = new ArrayList<>();
        List<PipelineSpec.Step> middleware = new ArrayList<>();
        List<PipelineSpec.Route> routes = new ArrayList<>();
        if (root == null) {
            problems.error("", "empty spec (expected a mapping with apiVersion: " + API_VERSION + " and routes:)");
            return new Result(new PipelineSpec(file, services, middleware, routes), problems);
        }
        if (!top.expectMapping("a mapping with apiVersion: " + API_VERSION + " and routes:")) {
            return new Result(new PipelineSpec(file, services, middleware, routes), problems);
        }
        top.allowOnly(TOP, "the spec");
        String version = top.text("apiVersion", null);
        if (version == null) {
            top.error("missing apiVersion (expected apiVersion: " + API_VERSION + ")");
        } else if (!version.equals(API_VERSION)) {
            top.get("apiVersion").error("unknown apiVersion '" + version + "' (expected " + API_VERSION + ")");
        }
        for (String group : List.of("services", "stores")) {
            top.entries(group).forEach((name, node) -> {
                if (!NAME.matcher(name).matches()) {
                    node.keyError("bad service name '" + name + "' (expected letters, digits, _ . -)");
                } else if (services.stream().anyMatch(s -> s.name().equals(name))) {
                    node.keyError("service '" + name + "' is defined twice (expected unique names across services and stores)");
                }
                if (node.expectMapping("a mapping with type: and its settings")) {
                    String type = node.required("type", "store, keys, collection or upstream");
                    if (type != null) {
                        services.add(new PipelineSpec.Service(name, type, node));
                    }
                }
            });
        }
        middleware.addAll(steps(top.get("middleware")));
        List<Node> routeNodes = top.list("routes");
        if (!top.has("routes")) {
            top.error("missing routes (expected routes: with a list of - method: GET, path: /users, name: ..., handler: ...)");
        }
        for (Node r : routeNodes) {
            PipelineSpec.Route route = route(r);
            if (route != null) {
                routes.add(route);
            }
        }
        return new Result(new PipelineSpec(file, services, middleware, routes), problems);
    }

    /** Replaces every string value under {@code node} by its expansion; a bad reference is recorded where it starts. */
    private static void expand(JsonNode node, String pointer, EnvExpander vars, Positions positions, Problems problems) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = pointer + "/" + Positions.escape(e.getKey());
                if (e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(expanded(e.getValue().asText(), at, vars, positions, problems)));
                } else {
                    expand(e.getValue(), at, vars, positions, problems);
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                String at = pointer + "/" + i;
                if (a.get(i).isTextual()) {
                    a.set(i, TextNode.valueOf(expanded(a.get(i).asText(), at, vars, positions, problems)));
                } else {
                    expand(a.get(i), at, vars, positions, problems);
                }
            }
        }
    }

    private static String expanded(String text, String at, EnvExpander vars, Positions positions, Problems problems) {
        try {
            return vars.expand(text);
        } catch (EnvExpander.Unset e) {
            problems.add(Problems.Severity.ERROR, positions.inside(at, e.index()), e.getMessage());
            return text;
        }
    }

    private static List<PipelineSpec.Step> steps(Node list) {
        List<PipelineSpec.Step> out = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Node n : list.items()) {
            if (n.json().isTextual()) {
                String type = n.json().asText().strip();
                out.add(new PipelineSpec.Step(type, type, n));
                if (!labels.add(type)) {
                    n.error("middleware '" + type + "' appears twice in this chain (expected name: to tell them apart)");
                }
                continue;
            }
            if (!n.expectMapping("a middleware: a type name, or a mapping with type: and its settings")) {
                continue;
            }
            String type = n.required("type", "a middleware type such as logging, jwt-auth or rate-limit");
            if (type == null) {
                continue;
            }
            String label = n.text("name", type).strip();
            if (!labels.add(label)) {
                n.get(n.has("name") ? "name" : "type").error("middleware '" + label
                        + "' appears twice in this chain (expected a distinct name:)");
            }
            out.add(new PipelineSpec.Step(type, label, n));
        }
        return out;
    }

    private static PipelineSpec.Route route(Node r) {
        if (!r.expectMapping("a route: a mapping with method:, path:, name: and handler:")) {
            return null;
        }
        r.allowOnly(ROUTE_KEYS, "route");
        String method = r.text("method", "GET").strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            r.get("method").error("unknown method '" + r.text("method", "") + "' (expected GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS or *)");
        }
        String path = r.required("path", "a path such as /users/{id}");
        if (path != null) {
            checkPath(r.get("path"), path);
        }
        String name = r.required("name", "the handler's name, e.g. list_users");
        Node h = r.get("handler");
        PipelineSpec.HandlerRef handler = null;
        if (!h.present()) {
            r.error("missing handler (expected handler: with type: static, echo, collection, counter, delay, fail or proxy)");
        } else if (h.json().isTextual()) {
            handler = new PipelineSpec.HandlerRef(h.json().asText().strip(), h);
        } else if (h.expectMapping("a handler: a type name, or a mapping with type: and its settings")) {
            String type = h.required("type", "static, echo, collection, counter, delay, fail or proxy");
            handler = type == null ? null : new PipelineSpec.HandlerRef(type, h);
        }
        List<PipelineSpec.Step> own = steps(r.get("middleware"));
        List<String> exclude = r.strings("exclude");
        if (path == null || name == null || handler == null) {
            return null;
        }
        return new PipelineSpec.Route(method, path, name, handler, own, exclude, r);
    }

    private static void checkPath(Node at, String path) {
        if (!path.startsWith("/")) {
            at.error("path '" + path + "' must start with / (expected e.g. /users/{id})");
            return;
        }
        String[] segments = path.substring(1).split("/", -1);
        Set<String> params = new LinkedHashSet<>();
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (!SEGMENT.matcher(s).matches()) {
                at.error("bad path segment '" + s + "' in " + path
                        + " (expected literal text, {name} for a parameter, or * as the last segment)");
            } else if (s.equals("*") && i != segments.length - 1) {
                at.error("* must be the last segment of " + path + " (it matches the rest of the path)");
            } else if (s.startsWith("{") && !params.add(s)) {
                at.error("parameter " + s + " appears twice in " + path);
            }
        }
    }
}
