package dev.apitool.cli;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The training runs the launcher records class-data-sharing archives from (AppCDS on Java 17-24,
 * the AOT cache on 25+): it runs the short commands people call in loops, in process, with no
 * input or files, so the archive holds the classes those commands load. With the argument
 * {@code load} it also runs a short {@code load} of each model against a server it starts on
 * loopback, for the archive {@code load} starts with (Netty's and its own classes already parsed
 * and verified); the short commands keep the smaller archive, which maps faster. With
 * {@code health} it runs {@code health} against such a server, for {@code health}'s own archive
 * (its client's classes would cost every other short command time to map). With {@code shell}
 * it runs a short piped shell session and a line typed into the line editor, for the shell's archive.
 */
public final class Training {

    private Training() {}

    public static void main(String[] args) {
        String secret = "training-secret-training-secret-0123456789";
        Context ctx = new Context(Map.of(), () -> new ByteArrayInputStream(new byte[0]), Path.of(""),
                Clock.systemUTC(), false);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        run(ctx, sink, "--version");
        run(ctx, sink, "--help");
        run(ctx, sink, "jwt", "sign", "--help");
        String token = sign(ctx, secret);
        run(ctx, sink, "jwt", "verify", token, "--secret", secret, "--aud", "api");
        run(ctx, sink, "jwt", "verify", token, "--secret", secret, "--output", "json");
        run(ctx, sink, "jwt", "verify", token + "x", "--secret", secret);
        run(ctx, sink, "jwt", "decode", token);
        run(ctx, sink, "jwt", "sign", "--bogus-option");
        run(ctx, sink, "ratelimit", "simulate", "--policy", "token-bucket:capacity=5,rate=2/s",
                "--policy", "nginx:rate=10r/s,burst=5", "--generate", "constant:rate=20/s,duration=1s,keys=3");
        run(ctx, sink, "health", "--help");
        run(ctx, sink, "load", "--help");
        if (args.length > 0 && args[0].equals("load")) {
            load(ctx, sink);
        }
        if (args.length > 0 && args[0].equals("shell")) {
            try {
                java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("apitool-training");
                dev.apitool.cli.shell.Shells.train(ctx, sink, scratch);
                java.nio.file.Files.deleteIfExists(scratch.resolve("training_history"));
                java.nio.file.Files.deleteIfExists(scratch);
            } catch (java.io.IOException e) {
                // no scratch directory: the archive holds fewer classes
            }
        }
        if (args.length > 0 && args[0].equals("health")) {
            health(ctx, sink);
        }
    }

    /** Runs {@code health} (text, JSON and JUnit, HTTP and TCP) against a loopback server; skipped if loopback is unavailable. */
    private static void health(Context ctx, PrintWriter sink) {
        onLoopbackServer(uri -> {
            String url = uri.toString();
            String tcp = "tcp://" + uri.getAuthority();
            run(ctx, sink, "health", url, tcp);
            run(ctx, sink, "--output", "json", "health", url, "--timeout", "1s");
            run(ctx, sink, "--output", "junit", "health", url);
        });
    }

    /** Runs {@code load} closed and open (stages, JSON) against a loopback server; skipped if loopback is unavailable. */
    private static void load(Context ctx, PrintWriter sink) {
        onLoopbackServer(uri -> {
            String url = uri.toString();
            run(ctx, sink, "load", url, "-n", "3000", "-c", "4", "--threads", "2");
            run(ctx, sink, "--output", "json", "load", url, "--stages", "0s:1000/s,300ms:1000/s", "-c", "2", "--threads", "1");
        });
    }

    /** Runs {@code training} with the URI of a loopback server that answers 200 "ok", then stops it; does nothing if loopback is unavailable. */
    private static void onLoopbackServer(Consumer<URI> training) {
        HttpServer server;
        try {
            server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> ServerResponse.text(200, "ok")));
        } catch (RuntimeException e) {
            return;
        }
        try (server) {
            training.accept(server.uri("/"));
        }
    }

    private static String sign(Context ctx, String secret) {
        java.io.StringWriter out = new java.io.StringWriter();
        Apitool.run(ctx, new PrintWriter(out), new PrintWriter(Writer.nullWriter()), "jwt", "sign", "--secret", secret,
                "--sub", "training", "--aud", "api", "--exp", "15m", "--claim", "scope=read", "--claim", "n:=1");
        return out.toString().strip();
    }

    private static void run(Context ctx, PrintWriter sink, String... args) {
        Apitool.run(ctx, sink, sink, args);
    }
}
