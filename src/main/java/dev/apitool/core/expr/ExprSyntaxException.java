package dev.apitool.core.expr;

import dev.apitool.core.io.InputException;

/** An expression that does not parse: what is wrong and what was expected, and where in the text. */
public final class ExprSyntaxException extends InputException {

    private static final long serialVersionUID = 1L;

    private final int index;

    public ExprSyntaxException(String message, int index) {
        super(message);
        this.index = Math.max(0, index);
    }

    /** Returns the 0-based index in the expression's text where the problem starts. */
    public int index() {
        return index;
    }
}
