/**
 * How a {@link dev.apitool.core.load.LoadReport} is shown: the text and JSON reporters, the HTML page
 * with its per-second {@link dev.apitool.core.load.report.LoadTimeline}, and the live progress line.
 * Reporters only render; every figure is computed before they see it.
 */
package dev.apitool.core.load.report;
