/**
 * The {@code apitool} command line: thin picocli commands that parse flags, make one call into
 * {@code dev.apitool.core} and render the result as text or JSON. {@link dev.apitool.cli.Apitool}
 * is the one factory for the command tree, shared by {@code main}, the REPL and the tests;
 * {@link dev.apitool.cli.ExitCode} is the one table of exit codes.
 */
package dev.apitool.cli;
