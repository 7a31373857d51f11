/**
 * The small expression language that health's conditions ({@code status == 200},
 * {@code latency < 300ms}) and load's thresholds ({@code p99<250ms}, {@code errors<1%}) share, and
 * the pipeline's will. One reader, {@link dev.apitool.core.expr.Comparison#read}, reads the shape
 * {@code SUBJECT OP VALUE} over a {@link dev.apitool.core.expr.Cursor} and returns the parts with
 * their positions; each language is a {@link dev.apitool.core.expr.Comparison.Grammar} that reads
 * its own subjects (health's {@code body.PATH}, load's metric names) and values and words its own
 * errors. The pieces a grammar reads with: the operators ({@link dev.apitool.core.expr.Op}),
 * literal quantities with their units — numbers, percentages, durations, sizes
 * ({@link dev.apitool.core.expr.Quantity}) — typed values ({@link dev.apitool.core.expr.Value#read}:
 * numbers, strings, booleans, null, durations, lists, bare words) and their one comparison
 * ({@link dev.apitool.core.expr.Value#test}; values of different types never compare), status-code
 * sets ({@link dev.apitool.core.expr.StatusSet}, {@code 2xx,404}) — and one error,
 * {@link dev.apitool.core.expr.ExprSyntaxException}, that says what is wrong, what was expected, and
 * where.
 */
package dev.apitool.core.expr;
