/**
 * The {@code apitool} command line: thin picocli commands that parse flags, make one call into
 * {@code dev.apitool.core} and render the result as text or JSON. {@link dev.apitool.cli.Apitool}
 * is the one factory for the command tree, shared by {@code main}, the REPL and the tests;
 * {@link dev.apitool.cli.ExitCode} is the one table of exit codes.
 *
 * <p><b>Output.</b> A command declares the {@code --output} formats it really has on its class,
 * {@code @Formats({OutputFormat.text, OutputFormat.json})} (add {@code junit} only where a CI runner
 * reads it); a command without {@link dev.apitool.cli.Formats} prints text only. The factory
 * ({@link dev.apitool.cli.OutputOption}) then gives the command an {@code --output} whose help and
 * completion list exactly those formats, and gives every group above it (and the root) one listing
 * the union, so {@code apitool --output json GROUP CMD} works as {@code apitool GROUP CMD --output json};
 * {@link dev.apitool.cli.BaseCommand} refuses any other format before {@code run()}, and
 * {@code output()} returns the one chosen. A new command (the shell's, {@code pipeline},
 * {@code idempotency}) needs nothing more than the annotation. A command that reports also mixes in
 * {@link dev.apitool.cli.ReportOptions} ({@code --report FORMAT=FILE}, FORMAT one of its formats but
 * text) and {@link dev.apitool.cli.FileOptions} ({@code --no-clobber}), checks every output path
 * before its work, and writes files only through {@link dev.apitool.core.io.OutputFile}.
 */
package dev.apitool.cli;
