package dev.apitool.core.ratelimit;

/**
 * The result of one pure policy step: the decision and the key's next state.
 *
 * @param decision what to do with the request
 * @param state the key's state afterwards: the same array when nothing changed, {@code null} when
 *     the key can be forgotten; never modified after it is returned
 */
public record Transition(Decision decision, long[] state) {}
