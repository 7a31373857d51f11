package dev.apitool.cli.load;

import dev.apitool.cli.Interrupts;
import dev.apitool.core.http.Transport;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadRunner;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.plan.RequestPlan;

/**
 * Runs a {@link LoadRunner} with Ctrl-C (SIGINT) turned into a clean stop: the run ends as at its
 * deadline and the report of what ran is printed, marked as interrupted. Kept out of the
 * {@code @Command} class so that {@code --help} and completion generation never load Netty.
 *
 * <p>Netty's leak detector is turned off for the run unless {@code -Dio.netty.leakDetection.level}
 * asks for it: in its default (sampling) level it still costs every buffer allocation a random
 * draw and some a tracking record, the bulk of what the event loops allocate per request, while
 * the load path's few buffers are released in one place each.
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
        quietLeakDetector(System.getProperty("io.netty.leakDetection.level", System.getProperty("io.netty.leakDetectionLevel")));
        LoadRunner runner = LoadRunner.of(spec, plan);
        try (Interrupts ignored = Interrupts.onCtrlC(runner::interrupt)) {
            return runner.run(listener);
        }
    }

    /** Disables Netty's leak detector unless {@code explicitLevel} (the property the user set, or null) names a level; returns whether it did. */
    static boolean quietLeakDetector(String explicitLevel) {
        return Transport.quietLeakDetector(explicitLevel);
    }
}
