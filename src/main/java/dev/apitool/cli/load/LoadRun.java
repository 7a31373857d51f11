package dev.apitool.cli.load;

import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadRunner;
import dev.apitool.core.load.LoadSpec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs a {@link LoadRunner} with Ctrl-C (SIGINT) turned into a clean stop: the run ends as at its
 * deadline and the report of what ran is printed, marked as interrupted. Kept out of the
 * {@code @Command} class so that {@code --help} and completion generation never load Netty.
 */
final class LoadRun {

    private final LoadSpec spec;

    LoadRun(LoadSpec spec) {
        this.spec = spec;
    }

    LoadReport call() {
        LoadRunner runner = LoadRunner.of(spec);
        Signal interrupt = new Signal("INT");
        SignalHandler previous = null;
        try {
            previous = Signal.handle(interrupt, s -> runner.interrupt());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // no SIGINT handling here (another VM, or the signal is reserved): Ctrl-C ends the process as usual
        }
        try {
            return runner.run();
        } finally {
            if (previous != null) {
                Signal.handle(interrupt, previous);
            }
        }
    }
}
