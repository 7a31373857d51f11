/**
 * HdrHistogram interval logs ({@code --hdr-log}): {@link dev.apitool.core.load.hdrlog.HdrLogWriter}
 * writes HdrHistogram's standard log format (readable by its own tools) plus a summary comment, one
 * line per second; {@code HdrLogReader} reads such logs back strictly (every unusable line is a
 * {@code file:line} message, lines are capped), and {@link dev.apitool.core.load.hdrlog.LogMerge}
 * merges several runs (histograms added, never percentiles averaged) into one report.
 */
package dev.apitool.core.load.hdrlog;
