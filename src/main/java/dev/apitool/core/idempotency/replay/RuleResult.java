package dev.apitool.core.idempotency.replay;

import java.util.List;

/**
 * One rule checked against one call.
 *
 * @param rule the rule
 * @param subject which call it was checked on: the URL's method and path, or {@code file:line} of a recorded call
 * @param required whether a failure fails the run (exit 1)
 * @param verdict how it came out
 * @param summary one line saying why
 * @param evidence the exchanges it rests on, one line each
 */
public record RuleResult(Rule rule, String subject, boolean required, Verdict verdict, String summary, List<String> evidence) {

    public RuleResult {
        evidence = List.copyOf(evidence);
    }

    /** Returns whether this result fails the run. */
    public boolean fails() {
        return required && verdict == Verdict.FAIL;
    }
}
