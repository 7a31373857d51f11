package dev.apitool.core.pipeline.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import dev.apitool.core.redact.Redact;
import java.util.List;
import java.util.Locale;

/**
 * {@code echo}: the request back as JSON: method, path, query, path parameters, headers and the
 * body (as JSON when it is JSON, else as text). Credentials are masked by the one redactor
 * ({@link Redact}): sensitive headers' values, credential query parameters and URL user info; the
 * body is echoed as sent.
 */
final class EchoHandler implements Factory<Handler> {

    @Override
    public String type() {
        return "echo";
    }

    @Override
    public List<String> parameters() {
        return List.of("status");
    }

    @Override
    public String summary() {
        return "Answers with the request as JSON (credentials masked).";
    }

    @Override
    public Handler create(Node node, Build build) {
        int status = (int) node.whole("status", 200, 100, 599);
        return ex -> {
            ObjectNode o = Responses.JSON.createObjectNode();
            var r = ex.request();
            o.put("method", r.method()).put("path", Redact.text(r.path())).put("query", Redact.query(r.query()));
            ObjectNode params = o.putObject("params");
            ex.params().forEach(params::put);
            ObjectNode headers = o.putObject("headers");
            r.headers().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), Redact.header(k, v)));
            JsonNode body = Responses.parse(r.body());
            if (body != null) {
                o.set("body", body);
            } else {
                o.put("body", r.bodyText());
            }
            return Responses.now(Responses.json(status, o));
        };
    }
}
