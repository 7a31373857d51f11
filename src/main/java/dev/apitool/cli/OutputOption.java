package dev.apitool.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives each command of the tree the {@code --output} it should show: a leaf the formats its
 * {@link Formats} declares, a group (and the root) the formats of the commands below it, so that
 * {@code apitool --output json load merge …} works as {@code apitool load merge … --output json}
 * does, while help and completion list only what the command has. Every copy sets one value, the
 * run's format; the leaf checks it against its own formats when it runs ({@link BaseCommand}).
 */
final class OutputOption {

    private OutputOption() {}

    /** Returns the formats {@code command} declares: text only without {@link Formats}. */
    static Set<OutputFormat> declared(Class<?> command) {
        Formats f = command.getAnnotation(Formats.class);
        Set<OutputFormat> formats = EnumSet.of(OutputFormat.text);
        if (f != null) {
            formats.addAll(List.of(f.value()));
        }
        return formats;
    }

    /** Adds {@code --output} to {@code cl} and every command below it that has more than text; returns their formats. */
    static Set<OutputFormat> addTo(CommandLine cl, Consumer<OutputFormat> setter) {
        Set<OutputFormat> formats = declared(cl.getCommandSpec().userObject().getClass());
        for (CommandLine sub : cl.getSubcommands().values()) {
            formats.addAll(addTo(sub, setter));
        }
        CommandSpec spec = cl.getCommandSpec();
        if (formats.size() > 1 && spec.findOption("--output") == null) {
            List<String> names = new ArrayList<>();
            formats.forEach(f -> names.add(f.name()));
            spec.addOption(OptionSpec.builder("--output")
                    .paramLabel("FORMAT")
                    .type(OutputFormat.class)
                    .completionCandidates(names)
                    .hasInitialValue(false)
                    .description("Output format: " + formats.stream().map(Enum::name).collect(Collectors.joining(", "))
                            + " (default: text).")
                    .setter(new ISetter() {
                        @Override
                        public <T> T set(T value) {
                            setter.accept((OutputFormat) value);
                            return null;
                        }
                    })
                    .build());
        }
        return formats;
    }
}
