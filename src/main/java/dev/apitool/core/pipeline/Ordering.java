package dev.apitool.core.pipeline;

import java.util.List;
import java.util.Set;

/**
 * Warnings about chains that are legal but wrong: a rate limit keyed on a JWT claim before
 * {@code jwt-auth} (no claim is known yet), {@code envelope} inside {@code validate} (its 422s go
 * out bare), {@code logging} inside {@code jwt-auth} (rejected requests are never logged).
 */
final class Ordering {

    private Ordering() {}

    static void check(List<PipelineSpec.Step> chain, Problems problems, Set<String> warned) {
        int auth = first(chain, "jwt-auth");
        for (int i = 0; i < chain.size(); i++) {
            PipelineSpec.Step s = chain.get(i);
            String msg = null;
            switch (s.type()) {
                case "rate-limit" -> {
                    String key = s.node().text("key", "ip");
                    if (key.startsWith("claim:") && (auth < 0 || auth > i)) {
                        msg = "rate limit '" + s.label() + "' is keyed on JWT claim '" + key.substring(6) + "' but "
                                + (auth < 0 ? "no jwt-auth runs before it" : "runs before jwt-auth '" + chain.get(auth).label() + "'")
                                + ": every request falls into one bucket (expected jwt-auth earlier in the list)";
                    }
                }
                case "envelope" -> {
                    int v = first(chain, "validate");
                    if (v >= 0 && v < i) {
                        msg = "envelope '" + s.label() + "' is inside validate '" + chain.get(v).label()
                                + "': validation errors (422) go out without the envelope (expected envelope before validate)";
                    }
                }
                case "logging" -> {
                    if (auth >= 0 && auth < i) {
                        msg = "logging '" + s.label() + "' is inside jwt-auth '" + chain.get(auth).label()
                                + "': rejected requests (401, 403) are never logged (expected logging before jwt-auth)";
                    }
                }
                default -> { }
            }
            if (msg != null && warned.add(s.node().pointer() + msg)) {
                problems.warning(s.node().pointer(), msg);
            }
        }
    }

    private static int first(List<PipelineSpec.Step> chain, String type) {
        for (int i = 0; i < chain.size(); i++) {
            if (chain.get(i).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }
}
