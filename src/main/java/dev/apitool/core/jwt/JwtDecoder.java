package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Splits and parses a token without verifying it, for inspection ({@code jwt decode}, {@code jwt sign --from}). */
public final class JwtDecoder {

    /** A time claim with where it lies relative to the moment of decoding. */
    public record TimeClaim(String name, Instant at, String relative) {}

    /**
     * An unverified token.
     *
     * @param claims the payload as a JSON object, or null when it is not one
     * @param times exp, nbf and iat where present and numeric
     * @param expired whether exp has passed at decoding time
     * @param notYetValid whether nbf is still ahead at decoding time
     */
    public record Decoded(ObjectNode header, byte[] payload, ObjectNode claims, byte[] signature,
                          List<TimeClaim> times, boolean expired, boolean notYetValid) {

        /** Returns the JSON document of {@code jwt decode --output json} (schema: {@code schemas/jwt-decode.schema.json}). */
        public ObjectNode document() {
            ObjectNode doc = Json.object();
            doc.put("schemaVersion", 1);
            doc.put("verified", false);
            doc.set("header", header);
            if (claims != null) {
                doc.set("payload", claims);
            } else {
                doc.put("payload", new String(payload, StandardCharsets.UTF_8));
            }
            doc.put("signature", Base64Url.encode(signature));
            ObjectNode t = doc.putObject("times");
            for (TimeClaim c : times) {
                t.putObject(c.name()).put("at", c.at().toString()).put("epoch", c.at().getEpochSecond()).put("relative", c.relative());
            }
            doc.put("expired", expired);
            doc.put("notYetValid", notYetValid);
            return doc;
        }
    }

    private JwtDecoder() {}

    /**
     * Returns the parts of {@code token} as of {@code now}.
     *
     * @throws InputException when the token is not a well-formed compact JWS with a JSON header
     */
    public static Decoded decode(String token, Instant now) {
        CompactJws jws;
        try {
            jws = CompactJws.parse(token);
        } catch (CompactJws.MalformedException e) {
            throw new InputException("malformed token: " + e.getMessage());
        }
        ObjectNode header = Json.parseObject(jws.header(), "malformed token: header");
        ObjectNode claims = null;
        try {
            JsonNode node = Json.parse(jws.payload(), "payload");
            claims = node.isObject() ? (ObjectNode) node : null;
        } catch (InputException notJson) {
            // A JWS may carry any payload; it is shown as text.
        }
        List<TimeClaim> times = new ArrayList<>();
        boolean expired = false;
        boolean early = false;
        if (claims != null) {
            for (String name : List.of("iat", "nbf", "exp")) {
                Instant at = NumericDate.of(claims.get(name));
                if (at != null) {
                    times.add(new TimeClaim(name, at, NumericDate.relative(at, now)));
                    expired |= name.equals("exp") && !now.isBefore(at);
                    early |= name.equals("nbf") && now.isBefore(at);
                }
            }
        }
        return new Decoded(header, jws.payload(), claims, jws.signature(), times, expired, early);
    }
}
