/**
 * JSON Web Signatures and JSON Web Tokens on the JDK's own crypto: signing (RFC 7515 §5.1,
 * RFC 7519), verification under an explicit policy (RFC 7515 §5.2, RFC 7519 §7.2, and the
 * JWT best current practices of RFC 8725), keys in PEM, JWK and JWK Set form (RFC 7517,
 * RFC 7518 §6, RFC 8037), thumbprints (RFC 7638) and key generation.
 *
 * <p>The verifier's value is precise policy: the algorithms a token may use come from the keys,
 * never from the token; tokens are parsed strictly so each has one accepted spelling; every
 * failure has a stable code and a sentence naming what was wrong. Time comes from an injected
 * {@link java.time.Clock}.
 */
package dev.apitool.core.jwt;
