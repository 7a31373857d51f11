package dev.apitool.core.idempotency.replay;

import dev.apitool.core.time.Durations;
import java.io.PrintWriter;
import java.util.function.BiFunction;

/**
 * Prints a report for people: the basic sequence in words, then one line per rule (id, verdict,
 * why), with the evidence under every rule that did not pass, and a verdict line.
 */
public final class TextReporter {

    private final PrintWriter out;
    private final BiFunction<Verdict, String, String> paint;

    /** @param paint colours a verdict's word (or returns it as is) */
    public TextReporter(PrintWriter out, BiFunction<Verdict, String, String> paint) {
        this.out = out;
        this.paint = paint;
    }

    public void print(ReplayReport report) {
        out.println("Idempotency replay: " + report.method() + " " + report.url() + " (profile " + report.profile().id() + ")");
        out.println();
        report.story().forEach(out::println);
        out.println();
        int width = report.rules().stream().mapToInt(r -> r.rule().id().length()).max().orElse(4);
        String subject = null;
        for (RuleResult r : report.rules()) {
            if (report.rules().stream().map(RuleResult::subject).distinct().count() > 1 && !r.subject().equals(subject)) {
                subject = r.subject();
                out.println(subject + ":");
            }
            String word = r.verdict().word();
            out.println(String.format("%-" + width + "s  %s%s  %s%s", r.rule().id(), paint.apply(r.verdict(), word),
                    " ".repeat(Math.max(0, 12 - word.length())), r.summary(), r.required() ? "" : " (optional)"));
            if (r.verdict() == Verdict.FAIL || r.verdict() == Verdict.INCONCLUSIVE) {
                r.evidence().forEach(e -> out.println("    " + e));
            }
        }
        out.println();
        out.println(report.rules().size() + " checks: " + report.count(Verdict.PASS) + " pass, " + report.count(Verdict.FAIL)
                + " fail, " + report.count(Verdict.NOT_APPLICABLE) + " n/a, " + report.count(Verdict.INCONCLUSIVE) + " inconclusive; "
                + report.calls() + " calls in " + Durations.format(report.duration()));
        String failed = report.rules().stream().filter(RuleResult::fails).map(r -> r.rule().id()).distinct()
                .reduce((a, b) -> a + ", " + b).orElse(null);
        out.println(failed == null ? "Result: " + paint.apply(Verdict.PASS, "conformant") + " (no required rule failed)"
                : "Result: " + paint.apply(Verdict.FAIL, "not conformant") + " (failed: " + failed + ")");
        out.flush();
    }
}
