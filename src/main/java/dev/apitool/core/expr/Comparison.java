package dev.apitool.core.expr;

/**
 * One {@code SUBJECT OP VALUE} expression as read from its text, with the index where each part
 * starts (for errors found later, such as a value whose type the subject does not take). The one
 * reader of the shape is {@link #read}; each language (health's conditions, load's thresholds)
 * says through its {@link Grammar} how its subjects and values are spelled and what its errors say.
 *
 * @param subject the subject, as the grammar reads it
 * @param subjectAt the 0-based index of the subject's first character
 * @param op the operator, one the grammar allows
 * @param opAt the 0-based index of the operator
 * @param value the value, as the grammar reads it
 * @param valueAt the 0-based index of the value's first character
 * @param <S> the grammar's subject
 * @param <V> the grammar's value
 */
public record Comparison<S, V>(S subject, int subjectAt, Op op, int opAt, V value, int valueAt) {

    /**
     * How one expression language spells a comparison's parts and words its errors. Every method
     * throws {@link ExprSyntaxException} (or returns one to throw) positioned in the cursor's text.
     *
     * @param <S> the subject the language reads
     * @param <V> the value the language reads
     */
    public interface Grammar<S, V> {

        /** Reads the subject at the cursor (spaces before it skipped; the cursor may be at the end). */
        S subject(Cursor c);

        /** Returns the operators the language allows, a longer symbol before its prefix ({@code <=} before {@code <}). */
        Op[] operators();

        /** Returns the error for a missing or unknown operator; the cursor is where one was expected. */
        ExprSyntaxException noOperator(Cursor c);

        /**
         * Reads the value at the cursor (spaces after the operator skipped; the cursor may be at the
         * end), given the subject read at {@code subjectAt} and the operator, which its messages may name.
         */
        V value(Cursor c, S subject, int subjectAt, Op op);

        /** Returns the error for text left after the value; the cursor is on its first character. */
        ExprSyntaxException trailing(Cursor c);
    }

    /**
     * Reads a whole comparison from the cursor to the end of its text: spaces, the subject, spaces,
     * an operator, spaces, the value, spaces, and nothing else.
     *
     * @throws ExprSyntaxException from the grammar, at the part that is wrong
     */
    public static <S, V> Comparison<S, V> read(Cursor c, Grammar<S, V> grammar) {
        c.skipSpaces();
        int subjectAt = c.pos;
        S subject = grammar.subject(c);
        c.skipSpaces();
        int opAt = c.pos;
        Op op = Op.read(c, grammar.operators());
        if (op == null) {
            throw grammar.noOperator(c);
        }
        c.skipSpaces();
        int valueAt = c.pos;
        V value = grammar.value(c, subject, subjectAt, op);
        c.skipSpaces();
        if (!c.atEnd()) {
            throw grammar.trailing(c);
        }
        return new Comparison<>(subject, subjectAt, op, opAt, value, valueAt);
    }
}
