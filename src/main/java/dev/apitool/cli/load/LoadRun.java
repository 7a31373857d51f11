package dev.apitool.cli.load;

import dev.apitool.cli.Interrupts;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadRunner;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.RequestPlan;

/**
 * Runs a {@link LoadRunner} with Ctrl-C (SIGINT) turned into a clean stop: the run ends as at its
 * deadline and the report of what ran is printed, marked as interrupted. Kept out of the
 * {@code @Command} class so that {@code --help} and completion generation never load Netty.
 */
final class LoadRun {

    private final LoadSpec spec;
    private final RequestPlan plan;
    private final LoadListener listener;

    LoadRun(LoadSpec spec, RequestPlan plan, LoadListener listener) {
        this.spec = spec;
        this.plan = plan;
        this.listener = listener;
    }

    LoadReport call() {
        LoadRunner runner = LoadRunner.of(spec, plan);
        try (Interrupts ignored = Interrupts.onCtrlC(runner::interrupt)) {
            return runner.run(listener);
        }
    }
}
