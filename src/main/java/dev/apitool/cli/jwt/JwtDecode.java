package dev.apitool.cli.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.Style;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.Base64Url;
import dev.apitool.core.jwt.JwtDecoder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Show a token's header and claims WITHOUT verifying it.",
            "Times are shown as ISO-8601 with their distance from now. Use 'jwt verify' to trust a token."},
        footer = {"", "Example:", "  apitool jwt decode \"$TOKEN\"", "  pbpaste | apitool jwt decode --output json | jq .payload.sub"})
final class JwtDecode extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN", description = "The token; default or -: standard input.")
    String token;

    @Override
    protected ExitCode run() {
        requireOutput(OutputFormat.text, OutputFormat.json);
        String tok = TokenInput.read(token, inputs(), context().interactive());
        JwtDecoder.Decoded d = JwtDecoder.decode(tok, context().clock().instant());
        warn("UNVERIFIED: the signature was not checked; use 'apitool jwt verify' before trusting this token");
        if (output() == OutputFormat.json) {
            out().println(Json.pretty(document(d)));
        } else {
            text(d, out(), style());
        }
        return ExitCode.OK;
    }

    private static void text(JwtDecoder.Decoded d, PrintWriter out, Style s) {
        out.println(s.bold("Header"));
        out.println(Json.pretty(d.header()));
        out.println(s.bold("Payload"));
        out.println(d.claims() != null ? Json.pretty(d.claims()) : new String(d.payload(), StandardCharsets.UTF_8));
        if (!d.times().isEmpty()) {
            out.println(s.bold("Times"));
            for (JwtDecoder.TimeClaim t : d.times()) {
                out.println("  " + t.name() + ": " + t.at() + " (" + t.relative() + ")");
            }
        }
        if (d.claims() != null) {
            String status = d.expired() ? s.red("expired") : d.notYetValid() ? s.yellow("not yet valid")
                    : s.green(d.times().stream().anyMatch(t -> t.name().equals("exp")) ? "not expired" : "no expiry (exp absent)");
            out.println(s.bold("Status") + ": " + status + s.dim(" (signature not verified)"));
        }
    }

    private static ObjectNode document(JwtDecoder.Decoded d) {
        ObjectNode doc = Json.object();
        doc.put("schemaVersion", 1);
        doc.put("verified", false);
        doc.set("header", d.header());
        if (d.claims() != null) {
            doc.set("payload", d.claims());
        } else {
            doc.put("payload", new String(d.payload(), StandardCharsets.UTF_8));
        }
        doc.put("signature", Base64Url.encode(d.signature()));
        ObjectNode times = doc.putObject("times");
        for (JwtDecoder.TimeClaim t : d.times()) {
            times.putObject(t.name()).put("at", t.at().toString()).put("epoch", t.at().getEpochSecond()).put("relative", t.relative());
        }
        doc.put("expired", d.expired());
        doc.put("notYetValid", d.notYetValid());
        return doc;
    }
}
