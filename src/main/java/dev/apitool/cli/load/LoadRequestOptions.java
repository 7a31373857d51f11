package dev.apitool.cli.load;

import dev.apitool.cli.Converters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The request flags {@code load} takes: {@code -X}, {@code -H}, {@code --body}, {@code --timeout}.
 * Declared here until the shared request mixin (DESIGN.md: one mixin for every command that sends
 * HTTP) lands; the names and meanings are the same, so swapping it in changes no flag.
 */
final class LoadRequestOptions {

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", defaultValue = "GET",
            description = "Request method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "A request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "BODY", description = "Request body: text, @file, or - for standard input.")
    String body;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = Converters.DurationConverter.class,
            description = "A request without a complete response after this long fails as a timeout (default: ${DEFAULT-VALUE}).")
    Duration timeout;
}
