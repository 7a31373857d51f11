package dev.apitool.cli.jwt;

import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.OutputFile;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.Jwk;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.KeyGen;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a signing key for ALG; its kid is the RFC 7638 thumbprint.",
            "The private key (or secret) is written only where --out says: a file created mode 0600, or - for stdout."},
        footer = {"", "Examples:",
            "  apitool jwt keygen ES256 --out ec.pem --pub ec.pub.pem",
            "  apitool jwt keygen RS256 --bits 3072 --format jwk --out rsa.jwk --pub -",
            "  apitool jwt keygen HS256 --format raw --out hs.key     # then: --secret @hs.key"})
final class JwtKeygen extends BaseCommand {

    /** Key file formats. */
    enum Format { pem, jwk, jwks, raw }

    @Parameters(index = "0", paramLabel = "ALG", description = "Algorithm the key is for: ${COMPLETION-CANDIDATES}.")
    JwsAlgorithm alg;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "Where the private key or secret goes: a new file (mode 0600; an existing one only with --force), or - for stdout.")
    String out;

    @Option(names = "--pub", paramLabel = "FILE", description = "Where the public key goes: a file, or - for stdout.")
    String pub;

    @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: pem, or jwk for HMAC). raw: the secret's bytes (HMAC only).")
    Format format;

    @Option(names = "--bits", paramLabel = "N", defaultValue = "2048", description = "RSA modulus size, 2048 to 16384 (default ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--force",
            description = "Replace an existing --out file (a private key file that exists is refused without it).")
    boolean force;

    @Mixin
    FileOptions files;

    @Override
    protected ExitCode run() {
        boolean hmac = alg.family() == JwsAlgorithm.Family.HMAC;
        Format f = format != null ? format : hmac ? Format.jwk : Format.pem;
        if (f == Format.raw && !hmac) {
            throw new InputException("--format raw is for HMAC secrets; use pem, jwk or jwks");
        }
        if (f == Format.pem && hmac) {
            throw new InputException("PEM has no form for an HMAC secret; use --format jwk, jwks or raw");
        }
        if (f == Format.raw && out.equals("-")) {
            throw new InputException("--format raw writes binary; give --out a file (or use --format jwk for stdout)");
        }
        if (hmac && pub != null) {
            throw new InputException("--pub: an HMAC secret has no public part");
        }
        OutputFile outFile = out.equals("-") ? null : files.privateKey(context(), out, "--out", force);
        OutputFile pubFile = pub == null ? null : target(pub, "--pub", OutputFile.Access.PUBLIC);
        if (outFile != null && pubFile != null
                && outFile.path().toAbsolutePath().normalize().equals(pubFile.path().toAbsolutePath().normalize())) {
            throw new InputException("--pub " + pub + " is the --out file; the public key would replace the private one");
        }
        JwsKey key = KeyGen.generate(alg, bits, new SecureRandom());
        byte[] privatePart = encode(key, f, true);
        byte[] publicPart = pub == null ? null : encode(key, f, false);
        // both files are written in full before either replaces what was there: no half-made key pair
        try (OutputFile.Sink outSink = outFile == null ? null : outFile.open();
             OutputFile.Sink pubSink = pubFile == null ? null : pubFile.open()) {
            write(outSink, privatePart);
            if (publicPart != null) {
                write(pubSink, publicPart);
            }
            if (outSink != null) {
                outSink.commit();
            }
            if (pubSink != null) {
                pubSink.commit();
            }
        } catch (IOException e) {
            throw new InputException("cannot write the key: " + e.getMessage(), e);
        }
        err().println("apitool: generated " + alg + " key, kid " + key.kid() + (out.equals("-") ? "" : "; private part in " + out));
        return ExitCode.OK;
    }

    private static byte[] encode(JwsKey key, Format f, boolean privatePart) {
        switch (f) {
            case raw: return key.secret().getEncoded();
            case pem: return KeyGen.pem(key, privatePart).getBytes(StandardCharsets.US_ASCII);
            case jwk: return (Json.pretty(Jwk.toJson(key, privatePart)) + "\n").getBytes(StandardCharsets.UTF_8);
            default: return (Json.pretty(Jwk.toSet(key, privatePart)) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Returns the file {@code name} names (null for stdout), checked before any key is generated so that a refused run writes nothing. */
    private OutputFile target(String name, String flag, OutputFile.Access access) {
        return name.equals("-") ? null : files.check(context(), name, flag, access);
    }

    private void write(OutputFile.Sink sink, byte[] bytes) throws IOException {
        if (sink == null) {
            out().print(new String(bytes, StandardCharsets.UTF_8));
            out().flush();
        } else {
            sink.stream().write(bytes);
        }
    }
}
