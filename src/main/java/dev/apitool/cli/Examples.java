package dev.apitool.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Help footers printed with their indented lines (examples, exit codes) whole, never wrapped: an
 * example broken at the terminal's width mid-token ({@code --key jwks.} / {@code json}) would not
 * paste as one command. Prose lines (not indented) wrap between words at the usage width.
 */
final class Examples {

    private Examples() {}

    /** Renders the footer of {@code cl} and of every command under it without wrapping. */
    static void keepWhole(CommandLine cl) {
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, Examples::footer);
        for (CommandLine sub : cl.getSubcommands().values()) {
            keepWhole(sub);
        }
    }

    /** Returns the footer's lines (picocli's %n and %% still honoured), indented ones whole, each ending a line. */
    static String footer(CommandLine.Help help) {
        String[] lines = help.commandSpec().usageMessage().footer();
        int width = help.commandSpec().usageMessage().width();
        List<String> out = new ArrayList<>(lines.length);
        for (String line : lines) {
            String text = line.replace("%n", System.lineSeparator()).replace("%%", "%");
            out.add(text.startsWith(" ") ? text : wrap(text, width));
        }
        return out.isEmpty() ? "" : String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /** Returns {@code text} broken between words into lines of at most {@code width} characters (a longer word stays whole). */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int lineLength = 0;
        for (String word : text.split(" ")) {
            if (lineLength > 0 && lineLength + 1 + word.length() > width) {
                out.append(System.lineSeparator());
                lineLength = 0;
            } else if (lineLength > 0) {
                out.append(' ');
                lineLength++;
            }
            out.append(word);
            lineLength += word.length();
        }
        return out.toString();
    }
}
