package dev.apitool.core.expr;

/**
 * The operators of "subject op value" expressions, as they are written. The symbols are listed so
 * that a longer one is tried before its prefix ({@code <=} before {@code <}).
 */
public enum Op {
    EQ("=="), NE("!="), LE("<="), GE(">="), LT("<"), GT(">"), IN("in"), MATCHES("matches"), CONTAINS("contains");

    private final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    /** Returns the operator as it is written. */
    public String symbol() {
        return symbol;
    }

    /** Returns whether it orders two values ({@code < <= > >=}). */
    public boolean ordering() {
        return this == LT || this == LE || this == GT || this == GE;
    }

    /**
     * Returns whether a comparison whose result is {@code cmp} (negative, zero, positive, as
     * {@code compareTo} gives) satisfies this operator; false for {@link #IN}, {@link #MATCHES}, {@link #CONTAINS}.
     */
    public boolean holds(int cmp) {
        return switch (this) {
            case EQ -> cmp == 0;
            case NE -> cmp != 0;
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> false;
        };
    }

    /** Reads one of {@code allowed} at the cursor (a word operator only as a whole word); null, not moving, when none is there. */
    public static Op read(Cursor c, Op... allowed) {
        for (Op op : allowed) {
            boolean wordy = Character.isLetter(op.symbol.charAt(0));
            if (wordy ? c.word(op.symbol) : c.eat(op.symbol)) {
                return op;
            }
        }
        return null;
    }
}
