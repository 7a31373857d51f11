package dev.apitool.core.idempotency.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.idempotency.Profile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@link Checks} judges exchanges it is handed, without a server: the cases a live API rarely shows on demand. */
class ChecksTest {

    private static final ReplayOptions OPTIONS = ReplayOptions.builder(HttpRequest.of("POST", URI.create("http://h/c")), "POST /c").build();

    private static int clock;

    private static Exchange ex(String label, int status, String body, String replayed) {
        clock += 10;
        return new Exchange(label, status, body.getBytes(StandardCharsets.UTF_8), replayed, null, null, clock, clock + 5);
    }

    private static ReplayProbe.Probes probes(List<Exchange> sequential) {
        ReplayProbe.Probes p = new ReplayProbe.Probes();
        p.sequential = sequential;
        p.fresh = ex("new key", 201, "{\"id\":9}", null);
        p.concurrent = List.of(ex("at once #1", 201, "{\"id\":5}", null), ex("at once #2", 409, "busy", null));
        p.otherBody = ex("other body", 422, "{}", null);
        p.noKey = ex("no key", 201, "{\"id\":10}", null);
        p.otherForm = List.of(ex("other form #1", 201, "{\"id\":11}", null), ex("other form #2", 201, "{\"id\":11}", null));
        p.tooLong = ex("long key", 400, "{}", null);
        p.inFlight = List.of(ex("in-flight first", 201, "{\"id\":12}", null), ex("in-flight second", 409, "{}", null));
        return p;
    }

    private static RuleResult judge(List<Exchange> sequential, Rule rule) {
        List<RuleResult> out = new ArrayList<>();
        new Checks(Profile.IETF, "POST /c", OPTIONS).judge(probes(sequential), out, new ArrayList<>());
        return out.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    }

    @Test
    void identicalUnmarkedRepeats_areInconclusive_notAPass() {
        List<Exchange> seq = List.of(ex("#1", 200, "{\"status\":\"UP\"}", null), ex("#2", 200, "{\"status\":\"UP\"}", null));
        RuleResult r = judge(seq, Rule.SEQUENTIAL);
        assertThat(r.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(r.fails()).isFalse();
        assertThat(r.evidence()).containsExactly("#1: 200 {\"status\":\"UP\"}", "#2: 200 {\"status\":\"UP\"}");
    }

    @Test
    void markedReplayThatDiffers_fails() {
        List<Exchange> seq = List.of(ex("#1", 201, "{\"id\":1}", null), ex("#2", 201, "{\"id\":2}", "true"));
        RuleResult r = judge(seq, Rule.SEQUENTIAL);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("#2 is marked replayed but differs from #1");
    }

    @Test
    void apiThatMarksReplays_anUnmarkedIdenticalRepeat_countsAsExecuted() {
        List<Exchange> seq = List.of(ex("#1", 201, "{\"ok\":true}", null), ex("#2", 201, "{\"ok\":true}", "true"),
                ex("#3", 201, "{\"ok\":true}", null));
        RuleResult r = judge(seq, Rule.SEQUENTIAL);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.summary()).contains("ran 2 times", "not marked");
    }

    @Test
    void conflictAfterTheFirstFinished_fails() {
        List<Exchange> seq = List.of(ex("#1", 201, "{\"id\":1}", null), ex("#2", 409, "{}", null));
        assertThat(judge(seq, Rule.SEQUENTIAL).summary()).contains("#2 got 409 after #1 had finished");
    }

    @Test
    void replayedErrorAndReusedKey_judgedAgainstTheProfile() {
        List<Exchange> seq = List.of(ex("#1", 503, "down", null), ex("#2", 503, "down", "true"));
        assertThat(judge(seq, Rule.ERROR_REPLAYED).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(seq, Rule.MISMATCH).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(seq, Rule.IN_FLIGHT).verdict()).isEqualTo(Verdict.PASS);
        assertThat(judge(seq, Rule.TTL).verdict()).isEqualTo(Verdict.NOT_APPLICABLE);
        List<RuleResult> stripe = new ArrayList<>();
        new Checks(Profile.STRIPE, "POST /c", OPTIONS).judge(probes(seq), stripe, new ArrayList<>());
        RuleResult reused = stripe.stream().filter(r -> r.rule() == Rule.MISMATCH).findFirst().orElseThrow();
        assertThat(reused.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(reused.summary()).isEqualTo("got 422 (expected 400)");
    }

    @Test
    void otherBody_jsonGetsAMember_otherBytesASpace_noBodyNothing() {
        assertThat(new String(ReplayProbe.otherBody("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .startsWith("{\"a\":1,\"apitoolProbe\":");
        assertThat(ReplayProbe.otherBody("amount=1".getBytes(StandardCharsets.UTF_8))).isEqualTo("amount=1 ".getBytes(StandardCharsets.UTF_8));
        assertThat(ReplayProbe.otherBody(new byte[0])).isNull();
    }
}
