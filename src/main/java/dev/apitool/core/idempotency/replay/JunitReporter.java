package dev.apitool.core.idempotency.replay;

import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a report as JUnit XML: one {@code <testcase>} per rule and call; a required rule that
 * failed is a {@code <failure>}, n/a and inconclusive are {@code <skipped>} with the reason, and an
 * optional rule that failed passes with its reason in {@code <system-out>}. So the file has a
 * failure exactly when the run exits 1.
 */
public final class JunitReporter {

    private JunitReporter() {}

    /** Writes {@code report} to {@code out} as a UTF-8 XML document. */
    public static void write(ReplayReport report, Writer out) {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "apitool idempotency replay " + report.method() + " " + report.url());
            x.writeAttribute("tests", Integer.toString(report.rules().size()));
            x.writeAttribute("failures", Long.toString(report.rules().stream().filter(RuleResult::fails).count()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", Long.toString(report.count(Verdict.NOT_APPLICABLE) + report.count(Verdict.INCONCLUSIVE)));
            x.writeAttribute("time", String.format(Locale.US, "%.3f", report.duration().toMillis() / 1000.0));
            x.writeAttribute("timestamp", report.startedAt().toString());
            for (RuleResult r : report.rules()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", "idempotency." + r.subject());
                x.writeAttribute("name", r.rule().id() + ": " + r.rule().title());
                String text = r.summary() + (r.evidence().isEmpty() ? "" : "\n" + String.join("\n", r.evidence()));
                if (r.fails()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", r.summary());
                    x.writeCharacters(text);
                    x.writeEndElement();
                } else if (r.verdict() == Verdict.NOT_APPLICABLE || r.verdict() == Verdict.INCONCLUSIVE) {
                    x.writeStartElement("skipped");
                    x.writeAttribute("message", r.verdict().word() + ": " + r.summary());
                    x.writeEndElement();
                } else {
                    x.writeStartElement("system-out");
                    x.writeCharacters(r.verdict().word() + ": " + text);
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.writeCharacters("\n");
            x.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }
}
