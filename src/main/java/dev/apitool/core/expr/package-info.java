/**
 * The small expression language that health's conditions ({@code status == 200},
 * {@code latency < 300ms}) and load's thresholds ({@code p99<250ms}, {@code errors<1%}) share, and
 * the pipeline's will: a {@link dev.apitool.core.expr.Cursor} over the text, the operators
 * ({@link dev.apitool.core.expr.Op}), literal quantities with their units — numbers, percentages,
 * durations, sizes ({@link dev.apitool.core.expr.Quantity}) — typed values and their one comparison
 * ({@link dev.apitool.core.expr.Value#test}: numbers, strings, booleans, null, durations, lists,
 * JSON structures; values of different types never compare), status-code sets
 * ({@link dev.apitool.core.expr.StatusSet}, {@code 2xx,404}) — and one error,
 * {@link dev.apitool.core.expr.ExprSyntaxException}, that says what is wrong, what was expected, and
 * where. Each user keeps its own subjects (health's {@code body.PATH}, load's metric names).
 */
package dev.apitool.core.expr;
