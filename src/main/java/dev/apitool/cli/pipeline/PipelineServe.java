package dev.apitool.cli.pipeline;

import dev.apitool.cli.Converters;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.Context;
import dev.apitool.cli.Interrupts;
import dev.apitool.cli.ReportsReady;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.io.InputException;
import dev.apitool.core.pipeline.Pipeline;
import dev.apitool.core.pipeline.PipelineServer;
import dev.apitool.core.pipeline.Problems;
import dev.apitool.core.pipeline.SpecException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serve a pipeline over HTTP/1.1 until SIGINT or SIGTERM (then finish requests in flight).",
            "Prints 'listening on http://HOST:PORT' on stderr once ready (--port 0 picks a free port).",
            "SIGHUP (or --watch) reloads the spec; a spec with errors is refused and the old pipeline keeps serving."},
        footer = {"", "Example:", "  apitool pipeline serve examples/pipeline/users.yaml --port 8080"})
@ReportsReady
final class PipelineServe extends SpecCommand {

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port, 0 for a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--threads", paramLabel = "N", description = "Event loop threads, 1 to 64 (default: the number of CPUs).")
    Integer threads;

    @Option(names = "--watch", description = "Reload the spec when its file changes.")
    boolean watch;

    @Option(names = "--grace", paramLabel = "DURATION", converter = Converters.Wait.class,
            description = "How long requests in flight may finish after SIGINT/SIGTERM (default 10s).")
    Duration grace;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "1048576", description = "Largest request body; larger is 413 (default ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--max-header", paramLabel = "BYTES", defaultValue = "8192", description = "Largest header section; larger is 431 (default ${DEFAULT-VALUE}).")
    int maxHeader;

    @Option(names = "--header-timeout", paramLabel = "DURATION", converter = Converters.Wait.class,
            description = "Longest wait for a request's headers after its first byte; then 408 (default 10s).")
    Duration headerTimeout;

    @Override
    protected ExitCode run() {
        HttpServerOptions options = options();
        if (watch && spec.equals("-")) {
            throw new InputException("--watch needs a spec file, not standard input");
        }
        SpecBytes s = read();
        List<Problems.Problem> warnings = new ArrayList<>();
        Pipeline pipeline;
        try {
            pipeline = Pipeline.load(s.bytes(), s.name(), environment(), warnings);
        } catch (SpecException e) {
            printProblems(e.problems());
            return ExitCode.USAGE;
        }
        printProblems(warnings);
        PipelineServer server;
        try {
            server = PipelineServer.start(pipeline, options);
        } catch (RuntimeException e) {
            pipeline.close();
            throw new InputException(e.getMessage(), e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Object reloadLock = new Object();
        Runnable reload = () -> {
            synchronized (reloadLock) {
                reload(server);
            }
        };
        Thread watcher = watch ? watcher(reload) : null;
        // Ctrl-C through the context (SIGINT in a process of its own, `cancel N` or Ctrl-C in the shell);
        // SIGTERM and SIGHUP only when the server owns the process, never inside the shell.
        boolean ownsProcess = context().ctrlC() == Context.SIGNAL;
        try (var i = context().onCtrlC(stop::countDown);
                Interrupts t = ownsProcess ? Interrupts.on("TERM", stop::countDown) : null;
                Interrupts h = ownsProcess ? Interrupts.on("HUP", () -> new Thread(reload, "apitool-reload").start()) : null) {
            // Ready only now that the signals are handled: a script that signals right after this line is heard.
            String hostText = server.address().getAddress().getHostAddress();
            String url = "http://" + (hostText.contains(":") ? "[" + hostText + "]" : hostText) + ":" + server.address().getPort();
            err().println("listening on " + url);
            err().flush();
            if (stop.getCount() > 0) { // not when a cancel came during start-up and already stopped it
                context().reportReady(url); // the shell's `serve … &` waits for this
            }
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (watcher != null) {
                watcher.interrupt();
            }
            err().println("apitool: shutting down");
            err().flush();
            boolean drained = server.shutdown(grace == null ? Duration.ofSeconds(10) : grace);
            if (!drained) {
                warn("some requests were still in flight after the grace period and were cut off");
            }
            err().flush();
        }
        return ExitCode.OK;
    }

    private void reload(PipelineServer server) {
        try {
            SpecBytes s = read();
            List<Problems.Problem> warnings = new ArrayList<>();
            Pipeline next = Pipeline.load(s.bytes(), s.name(), environment(), warnings);
            printProblems(warnings);
            server.swap(next);
            err().println("apitool: reloaded " + s.name());
        } catch (SpecException e) {
            printProblems(e.problems());
            err().println("apitool: error: reload refused; the previous pipeline keeps serving");
        } catch (RuntimeException e) {
            err().println("apitool: error: reload refused: " + e.getMessage() + "; the previous pipeline keeps serving");
        }
        err().flush();
    }

    private Thread watcher(Runnable reload) {
        Path file = inputs().file(spec, "SPEC");
        Thread t = new Thread(() -> {
            long last = modified(file);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                long now = modified(file);
                if (now != last) {
                    last = now;
                    reload.run();
                }
            }
        }, "apitool-watch");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() ^ Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private HttpServerOptions options() {
        if (port < 0 || port > 65535) {
            throw new InputException("--port " + port + ": expected 0 to 65535");
        }
        int n = threads == null ? Math.min(64, Runtime.getRuntime().availableProcessors()) : threads;
        if (n < 1 || n > 64) {
            throw new InputException("--threads " + n + ": expected 1 to 64");
        }
        if (maxBody < 1 || maxBody > (1 << 30)) {
            throw new InputException("--max-body " + maxBody + ": expected 1 to 1073741824");
        }
        if (maxHeader < 1024 || maxHeader > (1 << 20)) {
            throw new InputException("--max-header " + maxHeader + ": expected 1024 to 1048576");
        }
        Duration ht = headerTimeout == null ? Duration.ofSeconds(10) : headerTimeout;
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InputException("--host " + host + ": not an address this machine has");
        }
        return HttpServerOptions.loopback().withBindAddress(address).withPort(port).withIoThreads(n)
                .withMaxRequestBytes(maxBody).withMaxHeaderBytes(maxHeader).withHeaderTimeout(ht)
                .withIdleTimeout(Duration.ofSeconds(75));
    }
}
