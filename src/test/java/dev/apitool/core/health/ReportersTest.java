package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Text in the seed's exact shape; JUnit XML that a real XML parser reads, failures where the run fails. */
class ReportersTest {

    private static EndpointResult result(String name, String group, boolean critical, HealthStatus status, String reason) {
        return new EndpointResult(name, group, critical, "http://x/" + name, status,
                status == HealthStatus.UNHEALTHY ? null : Duration.ofNanos(2_400_000), reason, null, 1, List.of(), List.of(), null);
    }

    private static final HealthReport REPORT = HealthReport.of(List.of(
            result("db", "storage", true, HealthStatus.HEALTHY, null),
            result("cache", "storage", false, HealthStatus.UNHEALTHY, "Connection refused"),
            result("app", null, true, HealthStatus.DEGRADED, "reported OUT_OF_SERVICE"),
            result("auth <&\"'>", null, true, HealthStatus.UNHEALTHY, "condition body.status == \"UP\" failed: was \"DOWN\" <&>")),
            Instant.parse("2026-03-01T12:00:00Z"), Duration.ofMillis(123));

    @Test
    void text_seedShape_exactly() {
        StringWriter out = new StringWriter();
        new TextReporter(new PrintWriter(out), TextReporter.PLAIN).print(REPORT);

        assertThat(out.toString()).isEqualTo("""
                Overall: unhealthy
                db: healthy (2ms)
                cache: unhealthy - Connection refused
                app: degraded - reported OUT_OF_SERVICE
                auth <&"'>: unhealthy - condition body.status == "UP" failed: was "DOWN" <&>
                """);
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String junit(boolean failOnDegraded) {
        StringWriter out = new StringWriter();
        new JunitReporter(failOnDegraded).write(REPORT, out);
        return out.toString();
    }

    @Test
    void junit_parses_oneTestcasePerEndpoint_criticalUnhealthyMarkedFailed() throws Exception {
        Document doc = parse(junit(false));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("1");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("storage");
        assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("health");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(4);
        Element auth = (Element) cases.item(3);
        assertThat(auth.getAttribute("name")).isEqualTo("auth <&\"'>");
        assertThat(auth.getAttribute("classname")).isEqualTo("health.health");
        Element failure = (Element) auth.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("unhealthy");
        assertThat(failure.getAttribute("message")).isEqualTo("condition body.status == \"UP\" failed: was \"DOWN\" <&>");
        assertThat(((Element) cases.item(0)).getAttribute("time")).isEqualTo("0.002");
        for (int i = 0; i < 3; i++) {
            assertThat(((Element) cases.item(i)).getElementsByTagName("failure").getLength()).as("case %d", i).isZero();
        }
        assertThat(((Element) cases.item(1)).getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("cache: unhealthy - Connection refused\nhttp://x/cache (not critical)");
    }

    @Test
    void junit_nonCriticalUnhealthyAndDegraded_skippedWithTheReason_notPassing() throws Exception {
        Document doc = parse(junit(false));

        assertThat(doc.getDocumentElement().getAttribute("skipped")).isEqualTo("2");
        NodeList cases = doc.getElementsByTagName("testcase");
        Element cache = (Element) ((Element) cases.item(1)).getElementsByTagName("skipped").item(0);
        assertThat(cache.getAttribute("message")).isEqualTo("unhealthy - Connection refused");
        Element app = (Element) ((Element) cases.item(2)).getElementsByTagName("skipped").item(0);
        assertThat(app.getAttribute("message")).isEqualTo("degraded - reported OUT_OF_SERVICE");
        assertThat(((Element) cases.item(0)).getElementsByTagName("skipped").getLength()).isZero();
        assertThat(((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void junit_urlWithAPassword_masked() {
        HealthReport report = HealthReport.of(List.of(new EndpointResult("api", null, true, "https://ops:hunter2@api.test/health",
                HealthStatus.HEALTHY, Duration.ofMillis(3), null, null, 1, List.of(), List.of(), null)),
                Instant.parse("2026-03-01T12:00:00Z"), Duration.ofMillis(3));
        StringWriter out = new StringWriter();
        new JunitReporter(false).write(report, out);

        assertThat(out.toString()).contains("https://ops:***@api.test/health").doesNotContain("hunter2");
    }

    @Test
    void junit_failOnDegraded_everyEndpointNotHealthyFails() throws Exception {
        Document doc = parse(junit(true));

        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("3");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isZero();
    }

    @Test
    void json_document_hasSchemaVersionAndOneEntryPerEndpoint() {
        var doc = JsonReporter.document(REPORT, 0);

        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.has("run")).isFalse();
        assertThat(doc.get("status").asText()).isEqualTo("unhealthy");
        assertThat(doc.get("durationMs").decimalValue()).isEqualByComparingTo("123");
        assertThat(doc.get("endpoints")).hasSize(4);
        assertThat(doc.get("endpoints").get(0).get("latencyMs").decimalValue()).isEqualByComparingTo("2.4");
        assertThat(doc.get("endpoints").get(1).get("latencyMs").isNull()).isTrue();
        assertThat(JsonReporter.document(REPORT, 7).get("run").asInt()).isEqualTo(7);
    }
}
