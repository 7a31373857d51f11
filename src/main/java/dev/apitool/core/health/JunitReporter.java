package dev.apitool.core.health;

import dev.apitool.core.http.Urls;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a report as JUnit XML, the format CI runners display (Jenkins, GitLab, GitHub test
 * reporters): one {@code <testsuite>} per endpoint group ({@code health} for endpoints without
 * one), one {@code <testcase>} per endpoint. An endpoint is a {@code <failure>} exactly when it is
 * what makes the run fail: a critical endpoint that is unhealthy, or, with
 * {@code failOnDegraded}, any endpoint that is not healthy. Other endpoints that are not healthy
 * are {@code <skipped>} with the reason as its message, which viewers show as a warning (a passing
 * case would hide a dependency that is down). So the run's exit code is non-zero exactly when the
 * file has a failure. URLs are shown expanded, with any password masked.
 */
public final class JunitReporter {

    private final boolean failOnDegraded;

    /** @param failOnDegraded whether degraded endpoints (and non-critical unhealthy ones) fail, as {@code --fail-on degraded} says */
    public JunitReporter(boolean failOnDegraded) {
        this.failOnDegraded = failOnDegraded;
    }

    /** Returns whether {@code r} is a failed test case. */
    public boolean fails(EndpointResult r) {
        return failOnDegraded ? r.status() != HealthStatus.HEALTHY : r.status() == HealthStatus.UNHEALTHY && r.critical();
    }

    /** Returns whether {@code r} is a skipped test case: not healthy, but not what fails the run. */
    public boolean skips(EndpointResult r) {
        return r.status() != HealthStatus.HEALTHY && !fails(r);
    }

    /** Writes {@code report} to {@code out} as a UTF-8 XML document. */
    public void write(HealthReport report, Writer out) {
        Map<String, List<EndpointResult>> suites = new LinkedHashMap<>();
        for (EndpointResult r : report.endpoints()) {
            suites.computeIfAbsent(r.group() == null ? "health" : r.group(), k -> new ArrayList<>()).add(r);
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "apitool health");
            x.writeAttribute("tests", Integer.toString(report.endpoints().size()));
            x.writeAttribute("failures", Long.toString(report.endpoints().stream().filter(this::fails).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Long.toString(report.endpoints().stream().filter(this::skips).count()));
            x.writeAttribute("time", seconds(report.duration()));
            x.writeAttribute("timestamp", report.startedAt().toString());
            for (Map.Entry<String, List<EndpointResult>> s : suites.entrySet()) {
                suite(x, s.getKey(), s.getValue(), report);
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.writeCharacters("\n");
            x.flush();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private void suite(XMLStreamWriter x, String name, List<EndpointResult> results, HealthReport report) throws XMLStreamException {
        Duration slowest = Duration.ZERO;
        for (EndpointResult r : results) {
            if (r.latency() != null && r.latency().compareTo(slowest) > 0) {
                slowest = r.latency();
            }
        }
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", name);
        x.writeAttribute("tests", Integer.toString(results.size()));
        x.writeAttribute("failures", Long.toString(results.stream().filter(this::fails).count()));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(results.stream().filter(this::skips).count()));
        x.writeAttribute("time", seconds(slowest));
        x.writeAttribute("timestamp", report.startedAt().toString());
        for (EndpointResult r : results) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("name", r.name());
            x.writeAttribute("classname", "health." + name);
            x.writeAttribute("time", seconds(r.latency() == null ? Duration.ZERO : r.latency()));
            if (fails(r)) {
                x.writeCharacters("\n      ");
                x.writeStartElement("failure");
                x.writeAttribute("message", r.reason() == null ? r.status().word() : r.reason());
                x.writeAttribute("type", r.status().word());
                x.writeCharacters(describe(r));
                x.writeEndElement();
            } else if (skips(r)) {
                x.writeCharacters("\n      ");
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", r.status().word() + " - " + (r.reason() == null ? "not critical" : r.reason()));
            }
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(describe(r));
            x.writeEndElement();
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
    }

    /** Returns the endpoint's text line and its URL: what a person reading the CI page needs. */
    private static String describe(EndpointResult r) {
        String line = r.status() == HealthStatus.HEALTHY
                ? r.name() + ": healthy (" + TextReporter.millis(r) + "ms)"
                : r.name() + ": " + r.status().word() + " - " + r.reason();
        return line + "\n" + Urls.redact(r.url()) + (r.critical() ? "" : " (not critical)") + (r.attempts() > 1 ? ", " + r.attempts() + " attempts" : "");
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(9).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }
}
