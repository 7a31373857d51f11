package dev.apitool.core.pipeline;

import dev.apitool.core.io.Limit;
import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.io.InputException;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.KeyReader;
import dev.apitool.core.jwt.RemoteKeys;
import dev.apitool.core.pipeline.handler.Collection;
import dev.apitool.core.ratelimit.StateStore;
import dev.apitool.core.ratelimit.store.MemoryStore;
import dev.apitool.core.ratelimit.store.RedisStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The service types a spec declares under {@code services:} and {@code stores:}, registered in
 * the {@link Container} so that each is built once, when something first refers to it, and
 * closed with the pipeline. A service's own mistakes are recorded at its keys.
 */
final class Services {

    /** The service types and their parameters. */
    static final Map<String, List<String>> TYPES = Map.of(
            "store", List.of("url", "prefix"),
            "keys", List.of("secret", "key", "jwks"),
            "collection", List.of("items", "id"),
            "upstream", List.of("url", "timeout"));

    /** Thrown by a service factory whose problems are already recorded; nothing more to say. */
    static final class Recorded extends InputException {
        Recorded() {
            super("has errors");
        }
    }

    private Services() {}

    static void register(List<PipelineSpec.Service> services, Container container, Environment env,
            ScheduledExecutorService timer) {
        for (PipelineSpec.Service s : services) {
            List<String> params = TYPES.get(s.type());
            if (params == null) {
                String near = Node.closest(s.type(), TYPES.keySet());
                s.node().get("type").error("unknown service type '" + s.type() + "'" + (near == null ? "" : "; did you mean '"
                        + near + "'?") + " (expected store, keys, collection or upstream)");
                continue;
            }
            List<String> keys = new ArrayList<>(params);
            keys.add(0, "type");
            s.node().allowOnly(keys, s.type() + " service");
            container.register(s.name(), s.type(), c -> build(s, env));
        }
    }

    /** Builds every service not built yet, so that a check sees each one's problems (an unreachable Redis). */
    static void touchAll(List<PipelineSpec.Service> services, Container container) {
        for (PipelineSpec.Service s : services) {
            if (!container.has(s.name())) {
                continue;
            }
            try {
                container.get(s.name());
            } catch (Recorded e) {
                // already reported at its keys
            } catch (InputException e) {
                s.node().keyError(e.getMessage());
            }
        }
    }

    private static Object build(PipelineSpec.Service s, Environment env) {
        Node n = s.node();
        int before = n.problems().size();
        Object out = switch (s.type()) {
            case "store" -> store(n);
            case "keys" -> keys(n, env);
            case "collection" -> Collection.from(n);
            case "upstream" -> upstream(n);
            default -> throw new IllegalStateException(s.type());
        };
        if (n.problems().size() > before || out == null) {
            if (out instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // a half-built service
                }
            }
            throw new Recorded();
        }
        return out;
    }

    private static StateStore store(Node n) {
        String url = n.text("url", "memory").strip();
        if (url.equals("memory")) {
            return new MemoryStore();
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            n.get("url").error("unknown store '" + url + "' (expected memory or redis://HOST:PORT)");
            return null;
        }
        try {
            return RedisStore.connect(url, n.text("prefix", RedisStore.DEFAULT_PREFIX), Duration.ofMinutes(1));
        } catch (InputException e) {
            n.get("url").error(e.getMessage());
            return null;
        }
    }

    private static KeySet keys(Node n, Environment env) {
        List<JwsKey> keys = new ArrayList<>();
        int given = (n.has("secret") ? 1 : 0) + (n.has("key") ? 1 : 0) + (n.has("jwks") ? 1 : 0);
        if (given != 1) {
            n.error("a keys service needs exactly one of secret:, key: or jwks: (got " + given + ")");
            return null;
        }
        try {
            if (n.has("secret")) {
                String spec = n.text("secret", "");
                keys.add(KeyReader.secret(env.inputs().resolve(spec, "secret", true, Limit.KEY).bytes(), "secret"));
            } else if (n.has("key")) {
                for (String k : n.strings("key")) {
                    var v = k.startsWith("@") || k.startsWith("env:") || k.startsWith("{") || k.startsWith("-----BEGIN")
                            ? env.inputs().resolve(k, "key", true, Limit.KEY) : env.inputs().readPathOrStdin(k, "key", Limit.KEY);
                    keys.addAll(KeyReader.read(v.bytes(), v.origin()));
                }
            } else {
                URI url = URI.create(n.text("jwks", "").strip());
                HttpClient client = new HttpClient(HttpClientOptions.defaults());
                try {
                    RemoteKeys remote = new RemoteKeys(client, null, env.clock());
                    return KeySet.refetching(remote.load(url, true), () -> remote.fetchAsync(url), env.nanoTime(),
                            KeySet.REFETCH_INTERVAL, client);
                } catch (RuntimeException e) {
                    client.close();
                    throw e;
                }
            }
        } catch (InputException | IllegalArgumentException e) {
            Node at = n.has("secret") ? n.get("secret") : n.has("key") ? n.get("key") : n.get("jwks");
            at.error(e.getMessage());
            return null;
        }
        return KeySet.fixed(keys);
    }

    private static Upstream upstream(Node n) {
        String url = n.required("url", "the upstream's base URL, e.g. http://127.0.0.1:9000");
        if (url == null) {
            return null;
        }
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            n.get("url").error("bad url '" + url + "' (expected http://HOST:PORT[/PREFIX])");
            return null;
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            n.get("url").error("bad url '" + url + "' (expected http://HOST:PORT[/PREFIX])");
            return null;
        }
        Duration timeout = n.duration("timeout", Duration.ofSeconds(30));
        HttpClientOptions options = HttpClientOptions.builder().requestTimeout(timeout).build();
        return new Upstream(base, new HttpClient(options));
    }
}
