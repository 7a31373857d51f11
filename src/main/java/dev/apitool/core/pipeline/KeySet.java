package dev.apitool.core.pipeline;

import dev.apitool.core.jwt.JwsKey;
import java.util.List;

/**
 * A {@code keys} service: the verification keys {@code jwt-auth} uses, read as {@code jwt verify}
 * reads them (an HMAC secret, key files, or a JWK Set URL fetched once at start).
 *
 * @param keys the keys, at least one
 */
public record KeySet(List<JwsKey> keys) {

    public KeySet {
        keys = List.copyOf(keys);
    }
}
