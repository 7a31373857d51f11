package dev.apitool.cli.load;

import dev.apitool.cli.Context;
import dev.apitool.core.http.Transport;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadRunner;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.plan.RequestPlan;

/**
 * Runs a {@link LoadRunner} with Ctrl-C (SIGINT, or the shell's cancel) turned into a clean stop: the run ends as at its
 * deadline and the report of what ran is printed, marked as interrupted. Kept out of the
 * {@code @Command} class so that {@code --help} and completion generation never load Netty.
 *
 * <p>Netty's leak detector is turned off for the run unless {@code -Dio.netty.leakDetection.level}
 * asks for it: in its default (sampling) level it still costs every buffer allocation a random
 * draw and some a tracking record, the bulk of what the event loops allocate per request, while
 * the load path's few buffers are released in one place each. The level is put back when the run
 * ends, so a shell that runs a load leaves the detector as it was for its other commands.
 */
final class LoadRun {

    private final LoadSpec spec;
    private final RequestPlan plan;
    private final LoadListener listener;
    private final Context.CtrlC ctrlC;

    LoadRun(LoadSpec spec, RequestPlan plan, LoadListener listener, Context.CtrlC ctrlC) {
        this.spec = spec;
        this.plan = plan;
        this.listener = listener;
        this.ctrlC = ctrlC;
    }

    LoadReport call() {
        boolean quiet = quietLeakDetector(System.getProperty("io.netty.leakDetection.level",
                System.getProperty("io.netty.leakDetectionLevel")));
        LoadRunner runner = LoadRunner.of(spec, plan);
        try (var ignored = ctrlC.on(runner::interrupt)) {
            return runner.run(listener);
        } finally {
            if (quiet) {
                restoreLeakDetector();
            }
        }
    }

    /** Disables Netty's leak detector unless {@code explicitLevel} (the property the user set, or null) names a level; returns whether it did. */
    static boolean quietLeakDetector(String explicitLevel) {
        return Transport.quietLeakDetector(explicitLevel);
    }

    /** Puts the leak detector's level back once the last run that quieted it has ended (the switch is scoped to the runs). */
    static void restoreLeakDetector() {
        Transport.restoreLeakDetector();
    }
}
