package dev.apitool.core.ratelimit.sim;

import dev.apitool.core.report.Html;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes a self-contained HTML page (no scripts, no external files): the summary table and, per
 * policy, a stacked bar chart of admitted and limited requests per time bucket in inline SVG.
 */
public final class HtmlReporter {

    private final PrintWriter out;

    public HtmlReporter(PrintWriter out) {
        this.out = out;
    }

    public void print(Simulation.Result result) {
        List<PolicyStats> policies = result.policies();
        out.println("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>apitool ratelimit simulate</title>");
        out.println("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}"
                + "td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:left}th{background:#f4f4f4}"
                + ".a{fill:#2e8b57}.l{fill:#d9534f}svg{background:#fafafa;border:1px solid #ddd}</style></head><body>");
        out.println("<h1>Rate-limit simulation</h1>");
        out.println("<p>" + Html.escape(result.source()) + ": " + result.requests() + " requests over "
                + Metrics.seconds(result.lastMicros()) + " s</p>");
        out.print("<table><tr><th></th>");
        for (PolicyStats s : policies) {
            out.print("<th>" + Html.escape(s.policy()) + "</th>");
        }
        out.println("</tr>");
        for (Metrics.Row row : Metrics.ROWS) {
            out.print("<tr><td>" + Html.escape(row.label()) + "</td>");
            for (PolicyStats s : policies) {
                out.print("<td>" + Html.escape(row.value().apply(s)) + "</td>");
            }
            out.println("</tr>");
        }
        out.println("</table>");
        for (PolicyStats s : policies) {
            chart(s);
        }
        out.println("</body></html>");
    }

    private void chart(PolicyStats s) {
        long[] a = s.timeline().admitted();
        long[] l = s.timeline().limited();
        long max = 1;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, a[i] + l[i]);
        }
        int barWidth = 6;
        int height = 160;
        int width = Math.max(1, a.length) * barWidth;
        out.println("<h2>" + Html.escape(s.policy()) + "</h2>");
        out.println("<p>Admitted (green) and limited (red) requests per " + Metrics.seconds(s.timeline().widthMicros())
                + " s; tallest bar " + max + ".</p>");
        out.println("<svg role=\"img\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width + " " + height + "\">");
        for (int i = 0; i < a.length; i++) {
            int ha = (int) (a[i] * height / max);
            int hl = (int) (l[i] * height / max);
            int x = i * barWidth;
            String title = "<title>" + Metrics.seconds(i * s.timeline().widthMicros()) + " s: " + a[i] + " admitted, " + l[i] + " limited</title>";
            if (ha > 0) {
                out.println("<rect class=\"a\" x=\"" + x + "\" y=\"" + (height - ha) + "\" width=\"" + (barWidth - 1) + "\" height=\"" + ha + "\">" + title + "</rect>");
            }
            if (hl > 0) {
                out.println("<rect class=\"l\" x=\"" + x + "\" y=\"" + (height - ha - hl) + "\" width=\"" + (barWidth - 1) + "\" height=\"" + hl + "\">" + title + "</rect>");
            }
        }
        out.println("</svg>");
    }
}
