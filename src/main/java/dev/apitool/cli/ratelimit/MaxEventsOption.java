package dev.apitool.cli.ratelimit;

import picocli.CommandLine.Option;

/** {@code --max-events}, the bound on generated traffic that {@code ratelimit generate} and {@code simulate --generate} share. */
final class MaxEventsOption {

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "10000000",
            description = "Refuse generated traffic of more requests than this (default ${DEFAULT-VALUE}).")
    long maxEvents;
}
