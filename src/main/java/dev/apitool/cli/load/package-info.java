/**
 * {@code apitool load}: the thin command over {@code core.load}. It parses the flags into a
 * {@code LoadSpec}, checks the open-file limit, runs {@code LoadRunner}, renders the
 * {@code LoadReport} as text or JSON, and turns breached {@code --threshold}s into exit 1.
 */
package dev.apitool.cli.load;
