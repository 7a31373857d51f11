package dev.apitool.core.pipeline.handler;

import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code fail}: fails at {@code rate} (0 to 1; 1 always): with {@code status} (default 500), by
 * closing the connection with no reply ({@code mode: close}) or by resetting it ({@code mode:
 * reset}); otherwise answers 200 {@code {"ok": true}}. {@code seed} makes the sequence repeatable.
 */
final class FailHandler implements Factory<Handler> {

    /** How a failure shows. */
    enum Mode { STATUS, CLOSE, RESET }

    record Settings(double rate, int status, Mode mode) {}

    @Override
    public String type() {
        return "fail";
    }

    @Override
    public List<String> parameters() {
        return List.of("rate", "status", "mode", "seed");
    }

    @Override
    public String summary() {
        return "Fails at a rate: with a status, or by closing or resetting the connection.";
    }

    @Override
    public Handler create(Node node, Build build) {
        double rate = node.number("rate", 1.0, 0.0, 1.0);
        int status = (int) node.whole("status", 500, 100, 599);
        String m = node.text("mode", "status").strip().toUpperCase(Locale.ROOT);
        Mode mode = Mode.STATUS;
        try {
            mode = Mode.valueOf(m);
        } catch (IllegalArgumentException e) {
            node.get("mode").error("unknown mode '" + m.toLowerCase(Locale.ROOT) + "' (expected status, close or reset)");
        }
        Settings s = new Settings(rate, status, mode);
        SplittableRandom random = node.has("seed") ? new SplittableRandom(node.whole("seed", 0, 0, Long.MAX_VALUE)) : new SplittableRandom();
        return ex -> {
            boolean fail;
            synchronized (random) {
                fail = s.rate() >= 1 || random.nextDouble() < s.rate();
            }
            if (!fail) {
                return Responses.now(Responses.json(200, Responses.JSON.createObjectNode().put("ok", true)));
            }
            return Responses.now(switch (s.mode()) {
                case STATUS -> Responses.error(ex, s.status(), "Injected failure");
                case CLOSE -> ServerResponse.emptyReply();
                case RESET -> ServerResponse.reset();
            });
        };
    }
}
