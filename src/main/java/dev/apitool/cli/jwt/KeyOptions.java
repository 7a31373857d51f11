package dev.apitool.cli.jwt;

import dev.apitool.cli.Context;
import dev.apitool.cli.FileOptions;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.KeyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** The key flags {@code jwt sign} and {@code jwt verify} share. */
public final class KeyOptions {

    @Option(names = "--secret", paramLabel = "SECRET",
            description = "HMAC secret: TEXT, @FILE (raw bytes), env:NAME, b64:BASE64 or - (stdin).")
    String secret;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Key: a file (PEM: PKCS#8, PKCS#1 RSA, SEC1 EC, public key, certificate; JWK; JWKS), "
                    + "@FILE, env:NAME, - (stdin), or JWK/PEM text.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--allow-weak-key",
            description = "Accept an HMAC secret shorter than the hash or an RSA key under 2048 bits (warns).")
    boolean allowWeakKey;

    /** Declares to {@code files} the files these flags read ({@code --secret @FILE}, {@code --key FILE}), so no output overwrites a key. */
    void declareReads(Context context, FileOptions files) {
        if (secret != null && secret.startsWith("@")) {
            files.reads(context, "--secret " + secret, secret.substring(1));
        }
        for (String k : keys) {
            if (!k.startsWith("{") && !k.startsWith("-----BEGIN") && !k.startsWith("env:")) {
                files.reads(context, "--key " + k, k.startsWith("@") ? k.substring(1) : k);
            }
        }
    }

    /** Returns the keys the flags name; exactly one of --secret and --key must be given. */
    List<JwsKey> load(Inputs inputs, Consumer<String> warn) {
        return load(inputs, warn, "");
    }

    /**
     * Returns the keys the flags name: at most one of --secret and --key; when neither is given,
     * an empty list if {@code otherSources} names another source of keys, else an error.
     */
    List<JwsKey> load(Inputs inputs, Consumer<String> warn, String otherSources) {
        if (secret == null && keys.isEmpty() && !otherSources.isEmpty()) {
            return List.of();
        }
        return load(secret, keys, "--secret", "--key", inputs, warn);
    }

    /**
     * Returns the keys named by a secret flag ({@code secretFlag}: TEXT, @FILE, env:NAME, b64:, -)
     * or key flags ({@code keyFlag}: files, JWK/PEM text, …), exactly one of the two; for any command
     * that signs or verifies ({@code jwt sign}, {@code load --jwt-secret}). Messages name the flags, never the secret.
     */
    public static List<JwsKey> load(String secret, List<String> keys, String secretFlag, String keyFlag, Inputs inputs,
            Consumer<String> warn) {
        if (secret != null && !keys.isEmpty()) {
            throw new InputException("give either " + secretFlag + " or " + keyFlag + ", not both");
        }
        if (secret == null && keys.isEmpty()) {
            throw new InputException("no key: give " + secretFlag + " SECRET (HMAC) or " + keyFlag
                    + " FILE (RSA, EC, Ed25519, JWK, JWKS)");
        }
        if (secret != null) {
            Inputs.Value v = inputs.resolve(secret, secretFlag, true, Limit.KEY);
            if (v.fromFile() && v.bytes().length > 0 && v.bytes()[v.bytes().length - 1] == '\n') {
                warn.accept("the secret from " + v.origin() + " ends with a newline, which is part of the key "
                        + "(write it with printf, not echo)");
            }
            return List.of(KeyReader.secret(v.bytes(), v.origin(), keyFlag));
        }
        List<JwsKey> all = new ArrayList<>();
        for (String k : keys) {
            boolean inline = k.startsWith("{") || k.startsWith("-----BEGIN") || k.startsWith("@")
                    || k.startsWith("env:") || k.equals("-");
            Inputs.Value v = inline ? inputs.resolve(k, keyFlag, true, Limit.KEY) : inputs.readPathOrStdin(k, keyFlag, Limit.KEY);
            all.addAll(KeyReader.read(v.bytes(), v.origin()));
        }
        return all;
    }
}
