package dev.apitool.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ITypeInfo;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes the bash completion script generated from the whole command tree (zsh loads it through
 * {@code bashcompinit}). {@code scripts/gen-completions.sh} runs it to refresh {@code completions/};
 * a test regenerates it into {@code target/} and fails when the checked-in copy differs.
 *
 * <p>picocli's generator is fed a completion view of the command model, not the model itself:
 * <ul>
 *   <li>values labelled {@link #FILE_LABELS} ({@code FILE}, {@code LOG}, {@code KEY}: a key is a file or
 *       inline text) are typed {@link Path}, so they complete file names;</li>
 *   <li>every option's parameter label becomes its own long name, because the generator names the bash
 *       array of an option's values after its label and two options labelled {@code FORMAT} would share
 *       (and overwrite) one array;</li>
 *   <li>a value typed {@code @FILE} (read from FILE) completes as {@code @} and a file name, for any
 *       option or positional, through a wrapper around the generated function.</li>
 * </ul>
 */
public final class Completions {

    /** Parameter labels of values that name a file (or may: a key is a file or inline text). */
    static final Set<String> FILE_LABELS = Set.of("FILE", "LOG", "KEY");

    /** What picocli's generator completes with file names. */
    private static final ITypeInfo PATH =
            OptionSpec.builder("--path").type(Path.class).build().typeInfo();

    private static final String GENERATED_REGISTRATION =
            "complete -F _complete_apitool -o default apitool apitool.sh apitool.bash\n";

    private static final String AT_FILE_WRAPPER = """
            # A value written @FILE is read from FILE: complete the file name after the @.
            # Everything else goes to the generated function above.
            function _apitool_complete() {
              local curr_word=${COMP_WORDS[COMP_CWORD]}
              if [[ "${curr_word}" == @* ]]; then
                local IFS=$'\\n'
                COMPREPLY=( $(compgen -f -P @ -- "${curr_word#@}") )
                return 0
              fi
              _complete_apitool "$@"
            }

            complete -F _apitool_complete -o default apitool apitool.sh apitool.bash
            """;

    private Completions() {}

    /** Returns the bash completion script for the current command tree. */
    public static String bash() {
        String generated = AutoComplete.bash("apitool", completionView(Apitool.fullCommandLine()));
        if (!generated.endsWith(GENERATED_REGISTRATION)) {
            throw new IllegalStateException("picocli's completion script no longer ends with its registration line");
        }
        return generated.substring(0, generated.length() - GENERATED_REGISTRATION.length()) + AT_FILE_WRAPPER;
    }

    /** Returns a copy of the command tree, with the option and positional changes described above. */
    static CommandLine completionView(CommandLine original) {
        CommandSpec from = original.getCommandSpec();
        CommandSpec to = CommandSpec.wrapWithoutInspection(original.getCommand());
        to.name(from.name()).aliases(from.aliases());
        to.usageMessage().hidden(from.usageMessage().hidden());
        for (OptionSpec option : from.options()) {
            if (option.inherited()) {
                continue; // the parent's view adds it back when the subcommand is added
            }
            OptionSpec.Builder b = option.toBuilder()
                    .paramLabel(option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT));
            if (namesFile(option.paramLabel())) {
                b.typeInfo(PATH);
            }
            to.addOption(b.build());
        }
        for (PositionalParamSpec positional : from.positionalParameters()) {
            PositionalParamSpec.Builder b = positional.toBuilder();
            if (namesFile(positional.paramLabel())) {
                b.typeInfo(PATH);
            }
            to.addPositional(b.build());
        }
        CommandLine view = new CommandLine(to);
        original.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                view.addSubcommand(name, completionView(sub));
            }
        });
        return view;
    }

    private static boolean namesFile(String paramLabel) {
        return FILE_LABELS.contains(paramLabel.replaceAll("[<>.…]", ""));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Completions FILE");
            System.exit(ExitCode.USAGE.code());
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, bash(), StandardCharsets.UTF_8);
    }
}
