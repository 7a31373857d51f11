package dev.apitool.core.health;

/** A condition that does not parse: what is wrong and what was expected, and where in the text. */
public final class ConditionSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int index;

    ConditionSyntaxException(String message, int index) {
        super(message);
        this.index = Math.max(0, index);
    }

    /** Returns the 0-based index in the condition's text where the problem starts. */
    public int index() {
        return index;
    }
}
