package dev.apitool.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.config.ConfigBinder;
import dev.apitool.core.config.EnvExpander;
import dev.apitool.core.config.Positions;
import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.http.Headers;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import dev.apitool.core.time.Durations;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a health config: binds the YAML to {@link ConfigFile}'s records with Jackson, then
 * validates every value into an {@link Endpoint}. Every error is one line,
 * {@code file:line:column: what is wrong, expected what}, raised before any request is sent.
 */
public final class ConfigReader {

    /**
     * What the command line adds to a config.
     *
     * @param timeout the default timeout per attempt, replacing {@code defaults.timeout}, or null
     * @param headers headers sent to every endpoint, replacing any of the same name
     */
    public record Overrides(Duration timeout, Headers headers) {
        public static final Overrides NONE = new Overrides(null, Headers.EMPTY);
    }

    /** How a health config names its parts in binding errors. */
    private static final ConfigBinder.Vocabulary WORDS = new ConfigBinder.Vocabulary() {
        @Override
        public String where(Class<?> record, String pointer, Positions positions) {
            if (record == ConfigFile.RawEndpoint.class) {
                String name = positions.scalar(pointer + "/name");
                return name == null ? "in an endpoint" : "in endpoint '" + name + "'";
            }
            return record == ConfigFile.Defaults.class ? "in defaults" : "at the top level";
        }

        @Override
        public String expected(Class<?> type, String pointer) {
            if (type != null && List.class.isAssignableFrom(type) && pointer.equals("/endpoints")) {
                return "a list of endpoints (- name: ..., url: ...)";
            } else if (type == ConfigFile.RawEndpoint.class) {
                return "an endpoint mapping with name: and url:";
            } else if (type == ConfigFile.Root.class) {
                return "a mapping with endpoints:";
            }
            return null;
        }
    };

    private final String file;
    private final Positions positions;
    private final EnvExpander env;
    private final Overrides overrides;

    private ConfigReader(String file, Positions positions, Map<String, String> env, Overrides overrides) {
        this.file = file;
        this.positions = positions;
        this.env = new EnvExpander(env);
        this.overrides = overrides;
    }

    /**
     * Returns the config in {@code yaml}.
     *
     * @param file the file's name, first in every error message
     * @param env the environment {@code ${NAME}} expands from
     * @throws InputException {@code file:line:column: what is wrong, expected what}
     */
    public static HealthConfig read(byte[] yaml, String file, Map<String, String> env, Overrides overrides) {
        ConfigBinder.Bound<ConfigFile.Root> bound = ConfigBinder.bind(yaml, file, ConfigFile.Root.class, WORDS);
        return new ConfigReader(file, bound.positions(), env, overrides).validate(bound.value());
    }

    private HealthConfig validate(ConfigFile.Root root) {
        if (root == null || root.endpoints() == null || root.endpoints().isEmpty()) {
            throw positions.error(positions.value("/endpoints"), "no endpoints, expected endpoints: with a list of"
                    + " - name: ..., url: ... entries");
        }
        Base base = base(root.defaults() != null ? root.defaults()
                : new ConfigFile.Defaults(null, null, null, null, null, null, null));
        List<Endpoint> endpoints = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < root.endpoints().size(); i++) {
            String at = "/endpoints/" + i;
            ConfigFile.RawEndpoint raw = root.endpoints().get(i);
            if (raw == null) {
                throw positions.error(positions.value(at), "empty endpoint, expected a mapping with name: and url:");
            }
            Endpoint e = endpoint(raw, base, at);
            String first = names.putIfAbsent(e.name(), positions.value(at + "/name").toString());
            if (first != null) {
                throw positions.error(positions.value(at + "/name"), "duplicate endpoint name '" + e.name()
                        + "' (first at line " + first.substring(0, first.indexOf(':')) + "), expected unique names");
            }
            endpoints.add(e);
        }
        return new HealthConfig(file, endpoints);
    }

    private Endpoint endpoint(ConfigFile.RawEndpoint raw, Base base, String at) {
        if (raw.name() == null || raw.name().isBlank()) {
            throw positions.error(positions.value(raw.name() == null ? at : at + "/name"), "endpoint without a name, expected name: such as api");
        }
        String name = raw.name().strip();
        if (raw.url() == null || raw.url().isBlank()) {
            throw positions.error(positions.value(raw.url() == null ? at : at + "/url"), "endpoint '" + name
                    + "' has no url, expected url: such as https://api.example.com/healthz or tcp://db:5432");
        }
        String urlText = expand(raw.url(), at + "/url");
        Target target;
        try {
            target = Target.parse(urlText);
        } catch (Target.Invalid e) {
            int index = urlText.equals(raw.url()) ? e.index() + leading(raw.url()) : 0;
            throw positions.error(positions.inside(at + "/url", index), e.getMessage());
        }
        target = new Target(target.kind(), target.uri(), raw.url().strip());
        if (!target.isHttp()) {
            for (String key : new String[] {"method", "headers", "body"}) {
                if (positions.has(at + "/" + key)) {
                    throw positions.error(positions.key(at + "/" + key), key + " does not apply to "
                            + target.kind().name().toLowerCase(Locale.ROOT) + ":// endpoints, expected an http:// or https:// url");
                }
            }
        }
        String method = raw.method() == null ? "GET" : raw.method().strip().toUpperCase(Locale.ROOT);
        if (!method.matches("[A-Z]+")) {
            throw positions.error(positions.value(at + "/method"), "bad method '" + raw.method()
                    + "', expected an HTTP method such as GET, HEAD or POST");
        }
        Headers headers = withOverrides(headers(base.headers(), raw.headers(), at + "/headers"));
        byte[] body = new byte[0];
        JsonNode b = raw.body();
        if (b != null && !b.isNull()) {
            if (b.isTextual()) {
                body = expand(b.textValue(), at + "/body").getBytes(StandardCharsets.UTF_8);
            } else {
                body = Json.compact(b).getBytes(StandardCharsets.UTF_8);
                if (!headers.contains("Content-Type")) {
                    headers = headers.with("Content-Type", "application/json");
                }
            }
        }
        Duration timeout = raw.timeout() != null ? positive(raw.timeout(), at + "/timeout", "timeout") : base.timeout();
        boolean critical = raw.critical() != null ? raw.critical() : base.critical();
        int retries = raw.retries() != null ? count(raw.retries(), at + "/retries", "retries", 0, 100) : base.retries();
        Duration backoff = raw.retryBackoff() != null ? duration(raw.retryBackoff(), at + "/retryBackoff", "retryBackoff")
                : base.retryBackoff();
        int failures = raw.failureThreshold() != null
                ? count(raw.failureThreshold(), at + "/failureThreshold", "failureThreshold", 1, 1000) : base.failureThreshold();
        int successes = raw.successThreshold() != null
                ? count(raw.successThreshold(), at + "/successThreshold", "successThreshold", 1, 1000) : base.successThreshold();
        String group = raw.group() == null || raw.group().isBlank() ? null : raw.group().strip();
        List<Condition> conditions = new ArrayList<>();
        if (raw.conditions() != null) {
            for (int i = 0; i < raw.conditions().size(); i++) {
                conditions.add(condition(raw.conditions().get(i), at + "/conditions/" + i, target));
            }
        }
        return new Endpoint(name, target, method, headers, body, timeout, critical, retries, backoff, failures, successes,
                group, conditions);
    }

    private Condition condition(String text, String at, Target target) {
        if (text == null || text.isBlank()) {
            throw positions.error(positions.value(at), "empty condition, expected SUBJECT OPERATOR VALUE such as status == 200");
        }
        String expanded = expand(text, at);
        Condition c;
        try {
            c = Condition.parse(expanded);
        } catch (ExprSyntaxException e) {
            int index = expanded.equals(text) ? e.index() : 0;
            throw positions.error(positions.inside(at, index), "bad condition '" + text.strip() + "': " + e.getMessage());
        }
        if (!expanded.equals(text)) { // reports show the condition as written: ${SECRET} stays unexpanded
            c = new Condition(text.strip(), c.subject(), c.header(), c.path(), c.op(), c.operand(), c.regex());
        }
        if (!c.appliesTo(target)) {
            String needs = c.subject() == Condition.Subject.CERT_EXPIRES ? "an https:// or tls:// url" : "an http:// or https:// url";
            throw positions.error(positions.inside(at, leading(text)), "condition '" + text.strip() + "' does not apply to "
                    + target.text() + ": " + c.subjectText() + " needs " + needs);
        }
        return c;
    }

    private Headers headers(Headers base, Map<String, String> raw, String at) {
        Headers out = base;
        if (raw == null) {
            return out;
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String ptr = at + "/" + Positions.escape(e.getKey());
            if (e.getValue() == null) {
                throw positions.error(positions.key(ptr), "header '" + e.getKey() + "' has no value, expected NAME: value");
            }
            String value = expand(e.getValue(), ptr);
            try {
                out = out.set(e.getKey(), value);
            } catch (IllegalArgumentException ex) {
                throw positions.error(positions.key(ptr), "bad header: " + ex.getMessage() + ", expected a token name and a one-line value");
            }
        }
        return out;
    }

    /** Returns {@code h} with the command line's headers replacing any of the same name. */
    private Headers withOverrides(Headers h) {
        List<String[]> fields = new ArrayList<>();
        overrides.headers().forEach((n, v) -> fields.add(new String[] {n, v}));
        Headers out = h;
        for (String[] f : fields) {
            out = out.without(f[0]);
        }
        for (String[] f : fields) {
            out = out.with(f[0], f[1]);
        }
        return out;
    }

    private String expand(String text, String at) {
        try {
            return env.expand(text);
        } catch (EnvExpander.Unset e) {
            throw positions.error(positions.inside(at, e.index() + leading(text)), e.getMessage());
        }
    }

    private Duration duration(String text, String at, String key) {
        try {
            Duration d = Durations.parse(text);
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw positions.error(positions.value(at), key + ": invalid duration '" + text
                    + "', expected a number and a unit such as 250ms, 2s or 1m");
        }
    }

    private Duration positive(String text, String at, String key) {
        Duration d = duration(text, at, key);
        if (d.isZero()) {
            throw positions.error(positions.value(at), key + " must be positive, expected a duration such as 2s");
        }
        return d;
    }

    private int count(int value, String at, String key, int min, int max) {
        if (value < min || value > max) {
            throw positions.error(positions.value(at), key + ": " + value + " is out of range, expected " + min + " to " + max);
        }
        return value;
    }

    /** What every endpoint starts from: the built-in defaults, then {@code defaults:}, then the command line's timeout. */
    private record Base(Duration timeout, boolean critical, int retries, Duration retryBackoff, int failureThreshold,
            int successThreshold, Headers headers) {}

    private Base base(ConfigFile.Defaults d) {
        String at = "/defaults/";
        Duration timeout = d.timeout() != null ? positive(d.timeout(), at + "timeout", "timeout") : Endpoint.DEFAULT_TIMEOUT;
        return new Base(overrides.timeout() != null ? overrides.timeout() : timeout,
                d.critical() == null || d.critical(),
                d.retries() == null ? 0 : count(d.retries(), at + "retries", "retries", 0, 100),
                d.retryBackoff() == null ? Endpoint.DEFAULT_BACKOFF : duration(d.retryBackoff(), at + "retryBackoff", "retryBackoff"),
                d.failureThreshold() == null ? Endpoint.DEFAULT_FAILURE_THRESHOLD
                        : count(d.failureThreshold(), at + "failureThreshold", "failureThreshold", 1, 1000),
                d.successThreshold() == null ? Endpoint.DEFAULT_SUCCESS_THRESHOLD
                        : count(d.successThreshold(), at + "successThreshold", "successThreshold", 1, 1000),
                headers(Headers.EMPTY, d.headers(), at + "headers"));
    }

    private static int leading(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String firstLine(String s) {
        int cut = s == null ? -1 : s.indexOf('\n');
        return cut >= 0 ? s.substring(0, cut) : String.valueOf(s);
    }
}
