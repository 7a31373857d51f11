package dev.apitool.cli.jwt;

import dev.apitool.core.jwt.JwtIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The JWT claim flags {@code jwt sign}, {@code jwt verify} and {@code load} share, declared once:
 * subject, issuer, audiences and (where claims are set) {@code NAME=TEXT|NAME:=JSON} claims. Each
 * {@link Use} gives their names ({@code --sub}, or {@code --jwt-sub} beside load's other flags) and
 * what they mean there (set when signing, required when verifying). The names differ by use, so the
 * options are built here rather than by annotations: a command holds one of these as a field,
 * implements {@link Holder}, and names {@link Installer} as its {@code modelTransformer}, which adds
 * the options to its model where {@link Use#after} says, keeping the help's order.
 */
public final class ClaimOptions {

    /** Where the claim flags are used, and how they read there. */
    public enum Use {
        /** {@code jwt sign}: the claims to put in the token. */
        SIGN("--", "--alg", "--jti", List.of("sub", "iss", "aud"), "Subject claim (sub).", "Issuer claim (iss).", "Audience (aud); repeat for an array.",
                "A claim: a string with =, typed JSON with := (numbers, booleans, arrays, objects). Repeatable."),
        /** {@code jwt verify}: the claims a token must have. */
        VERIFY("--", "--leeway", null, List.of("iss", "aud", "sub"), "Require this subject.", "Require this issuer.",
                "Accept this audience (repeatable: any one of them).", null),
        /** {@code load}: the claims of the token sent with every request. */
        LOAD("--jwt-", "--jwt-alg", "--jwt-aud", List.of("sub", "iss", "aud"), "JWT subject claim (sub).", "JWT issuer claim (iss).",
                "JWT audience (aud); repeat for an array.", "A JWT claim, as jwt sign's --claim (repeatable).");

        private final String prefix;
        private final String after;
        private final String claimAfter;
        private final List<String> order;
        private final String subject;
        private final String issuer;
        private final String audience;
        private final String claim;

        Use(String prefix, String after, String claimAfter, List<String> order, String subject, String issuer, String audience,
                String claim) {
            this.prefix = prefix;
            this.after = after;
            this.claimAfter = claimAfter;
            this.order = order;
            this.subject = subject;
            this.issuer = issuer;
            this.audience = audience;
            this.claim = claim;
        }

        /** Returns the flag that sets {@code name} here: {@code --sub} or {@code --jwt-sub}. */
        public String flag(String name) {
            return prefix + name;
        }

        /** Returns the option after which the subject, issuer and audience flags are listed in help. */
        public String after() {
            return after;
        }

        /** Returns the option after which the claim flag is listed in help, or null when this use has none. */
        public String claimAfter() {
            return claimAfter;
        }
    }

    /** A command that has claim flags. */
    public interface Holder {
        ClaimOptions claimOptions();
    }

    /** Adds the claim flags of the command's {@link Holder#claimOptions()} to its model (picocli's {@code modelTransformer}). */
    public static final class Installer implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            ((Holder) spec.userObject()).claimOptions().addTo(spec);
            return spec;
        }
    }

    private final Use use;
    private String subject;
    private String issuer;
    private List<String> audiences = new ArrayList<>();
    private List<String> claims = new ArrayList<>();

    public ClaimOptions(Use use) {
        this.use = Objects.requireNonNull(use, "use");
    }

    /** Returns the subject given, or null. */
    public String subject() {
        return subject;
    }

    /** Returns the issuer given, or null. */
    public String issuer() {
        return issuer;
    }

    /** Returns the audiences given, in order (empty for none). */
    public List<String> audiences() {
        return audiences;
    }

    /** Returns whether any claim flag was given. */
    public boolean given() {
        return subject != null || issuer != null || !audiences.isEmpty() || !claims.isEmpty();
    }

    /** Returns a token spec with these claims, whose messages name this use's flags ({@code --jwt-claim} in load). */
    public JwtIssuer.Spec.Builder spec() {
        return JwtIssuer.Spec.builder().subject(subject).issuer(issuer).audiences(audiences).claims(claims)
                .flagPrefix(use.prefix);
    }

    private void addTo(CommandSpec spec) {
        List<OptionSpec> mine = new ArrayList<>();
        for (String name : use.order) {
            switch (name) {
                case "sub" -> mine.add(option(use.flag(name), "SUBJECT", use.subject, () -> subject, v -> subject = v));
                case "iss" -> mine.add(option(use.flag(name), "ISSUER", use.issuer, () -> issuer, v -> issuer = v));
                default -> mine.add(list(use.flag(name), "AUDIENCE", use.audience, () -> audiences, v -> audiences = v));
            }
        }
        insert(spec, use.after, mine);
        if (use.claimAfter != null) {
            insert(spec, use.claimAfter, List.of(list(use.flag("claim"), "NAME=TEXT|NAME:=JSON", use.claim, () -> claims,
                    v -> claims = v)));
        }
    }

    /** Adds {@code options} to {@code spec} right after the option named {@code anchor}, so help lists them there. */
    private static void insert(CommandSpec spec, String anchor, List<OptionSpec> options) {
        OptionSpec at = spec.findOption(anchor);
        if (at == null) {
            throw new IllegalStateException(spec.qualifiedName() + " has no " + anchor + " to list the claim flags after");
        }
        List<OptionSpec> later = new ArrayList<>(spec.options().subList(spec.options().indexOf(at) + 1, spec.options().size()));
        later.forEach(spec::remove);
        options.forEach(spec::addOption);
        later.forEach(spec::addOption);
    }

    private static OptionSpec option(String name, String label, String description, java.util.function.Supplier<String> get,
            java.util.function.Consumer<String> set) {
        return OptionSpec.builder(name).paramLabel(label).description(description).type(String.class)
                .hasInitialValue(false).getter(getter(get)).setter(setter(set)).build();
    }

    private static OptionSpec list(String name, String label, String description, java.util.function.Supplier<List<String>> get,
            java.util.function.Consumer<List<String>> set) {
        return OptionSpec.builder(name).paramLabel(label).description(description).type(List.class)
                .auxiliaryTypes(String.class).hasInitialValue(false).getter(getter(get)).setter(setter(set)).build();
    }

    private static IGetter getter(java.util.function.Supplier<?> get) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) get.get();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <V> ISetter setter(java.util.function.Consumer<V> set) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                set.accept((V) value);
                return null;
            }
        };
    }
}
