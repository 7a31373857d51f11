package dev.apitool.cli.shell;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What Tab offers, read from the picocli model of the whole command tree (the one parser): the
 * shell's own commands and the subcommands at the start, subcommands and options after a group,
 * an option's fixed values ({@code --alg}, {@code --output}) after it, and file paths where an
 * option or parameter takes a file. A candidate that ends in {@code /} is a directory to go on into.
 */
final class Completion {

    /** Most directory entries listed for one completion. */
    static final int MAX_FILES = 500;

    private static final Set<String> FILE_LABELS = Set.of("FILE", "PATH", "DIR", "LOG", "SPEC", "KEY", "CONFIG", "SCRIPT");

    private final CommandSpec root;
    private final Path workDir;

    Completion(CommandLine root, Path workDir) {
        this.root = root.getCommandSpec();
        this.workDir = workDir;
    }

    /** Returns the candidates for the word {@code partial} that follows {@code before}. */
    List<String> candidates(List<String> before, String partial) {
        if (before.isEmpty()) {
            Set<String> out = new TreeSet<>(Builtins.NAMES);
            out.addAll(root.subcommands().keySet());
            if (partial.startsWith("-")) {
                return matching(optionNames(root), partial);
            }
            return matching(out, partial);
        }
        String first = before.get(0);
        if (first.equals("help")) {
            return matching(commandAt(before.subList(1, before.size())).subcommands().keySet(), partial);
        }
        if (first.equals("set") || first.equals("unset")) {
            return before.size() == 1 ? matching(List.of("url", "output", "secret", "jwt-secret", "timeout"), partial) : List.of();
        }
        if (first.equals("show")) {
            return before.size() == 1 ? matching(List.of("settings"), partial) : List.of();
        }
        if (Builtins.NAMES.contains(first)) {
            return List.of();
        }
        CommandSpec spec = commandAt(before);
        String prev = before.get(before.size() - 1);
        OptionSpec option = prev.startsWith("-") ? spec.findOption(prev) : null;
        if (option != null && option.arity().max() > 0 && !option.type().equals(boolean.class)) {
            return values(option, partial);
        }
        if (partial.startsWith("-")) {
            return matching(optionNames(spec), partial);
        }
        Set<String> out = new TreeSet<>(spec.subcommands().keySet());
        boolean files = false;
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.completionCandidates() != null) {
                p.completionCandidates().forEach(out::add);
            }
            files |= fileLike(p);
        }
        List<String> result = new ArrayList<>(matching(out, partial));
        if (files) {
            result.addAll(files(partial));
        }
        return result;
    }

    /** Returns the command the words name, walking subcommands from the root and skipping options. */
    private CommandSpec commandAt(List<String> words) {
        CommandSpec spec = root;
        for (String w : words) {
            CommandLine sub = spec.subcommands().get(w);
            if (sub != null) {
                spec = sub.getCommandSpec();
            }
        }
        return spec;
    }

    private List<String> values(OptionSpec option, String partial) {
        if (option.completionCandidates() != null) {
            List<String> all = new ArrayList<>();
            option.completionCandidates().forEach(all::add);
            return matching(all, partial);
        }
        return fileLike(option) ? files(partial) : List.of();
    }

    private static boolean fileLike(ArgSpec arg) {
        String label = arg.paramLabel().replaceAll("[<>.\\[\\]]", "").toUpperCase(Locale.ROOT);
        return FILE_LABELS.contains(label) || arg.type().equals(File.class) || arg.type().equals(Path.class);
    }

    private static Set<String> optionNames(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.add(o.longestName());
            }
        }
        return names;
    }

    /** Returns the paths that start with {@code partial}, relative to the working directory; directories end in {@code /}. */
    List<String> files(String partial) {
        int slash = partial.lastIndexOf('/');
        String dirPart = slash >= 0 ? partial.substring(0, slash + 1) : "";
        String prefix = partial.substring(slash + 1);
        if (partial.startsWith("@") || partial.startsWith("env:")) {
            return List.of();
        }
        Path dir = dirPart.isEmpty() ? workDir : workDir.resolve(dirPart.startsWith("~/")
                ? System.getProperty("user.home") + dirPart.substring(1) : dirPart);
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.toAbsolutePath())) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && (prefix.startsWith(".") || !name.startsWith("."))) {
                    out.add(dirPart + name + (Files.isDirectory(p) ? "/" : ""));
                    if (out.size() >= MAX_FILES) {
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of(); // no such directory, or not readable: nothing to offer
        }
        out.sort(null);
        return out;
    }

    private static List<String> matching(Iterable<String> all, String partial) {
        List<String> out = new ArrayList<>();
        for (String s : all) {
            if (s.startsWith(partial)) {
                out.add(s);
            }
        }
        return out;
    }
}
