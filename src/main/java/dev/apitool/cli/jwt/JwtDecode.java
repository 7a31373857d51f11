package dev.apitool.cli.jwt;

import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.Style;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.JwtDecoder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Show a token's header and claims WITHOUT verifying it.",
            "Times are shown as ISO-8601 with their distance from now. Use 'jwt verify' to trust a token."},
        footer = {"", "Example:", "  apitool jwt decode \"$TOKEN\"", "  pbpaste | apitool jwt decode --output json | jq .payload.sub"})
@Formats({OutputFormat.text, OutputFormat.json})
final class JwtDecode extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN", description = "The token; default or -: standard input.")
    String token;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Override
    protected ExitCode run() {
        List<ReportOptions.Report> written = reports.check(context(), files, formats());
        String tok = TokenInput.read(token, inputs(), context().interactive());
        JwtDecoder.Decoded d = JwtDecoder.decode(tok, context().clock().instant());
        warn("UNVERIFIED: the signature was not checked; use 'apitool jwt verify' before trusting this token");
        ReportOptions.write(written, f -> Json.pretty(d.document()) + "\n");
        if (output() == OutputFormat.json) {
            out().println(Json.pretty(d.document()));
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
}
