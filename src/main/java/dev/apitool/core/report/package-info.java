/**
 * Rendering shared by reports of every command: HTML escaping ({@link dev.apitool.core.report.Html})
 * and line charts as inline SVG ({@link dev.apitool.core.report.SvgChart}), so that an HTML report
 * is one self-contained file: no script, stylesheet, font or image fetched from anywhere.
 */
package dev.apitool.core.report;
