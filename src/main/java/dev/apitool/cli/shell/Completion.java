package dev.apitool.cli.shell;

import dev.apitool.core.pipeline.PipelineSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What Tab offers, read from the picocli model of the whole command tree (the one parser): the
 * shell's own commands and the subcommands at the start, subcommands and options after a group,
 * an option's fixed values ({@code --alg}, {@code --output}) after it, and file paths where an
 * option or parameter takes a file, and the methods and paths (with their route names) of a
 * pipeline spec ({@link SpecRoutes}). A candidate that ends in {@code /} is a directory to go on into.
 */
final class Completion {

    /** Most directory entries listed for one completion. */
    static final int MAX_FILES = 500;

    private static final Set<String> FILE_LABELS = Set.of("FILE", "PATH", "DIR", "LOG", "SPEC", "KEY", "CONFIG", "SCRIPT");

    private final Supplier<CommandLine> model;
    private final Path workDir;
    private final SpecRoutes routes;
    private CommandSpec root;

    Completion(CommandLine root, Path workDir) {
        this(() -> root, workDir, new SpecRoutes(workDir));
    }

    /** {@code model} is built on first use (a piped shell may never need it). */
    Completion(Supplier<CommandLine> model, Path workDir, SpecRoutes routes) {
        this.model = model;
        this.workDir = workDir;
        this.routes = routes;
    }

    private synchronized CommandSpec root() {
        if (root == null) {
            root = model.get().getCommandSpec();
        }
        return root;
    }

    /** A candidate: the text Tab inserts, what it is shown with (a route's name) or null, and whether a space follows. */
    record Choice(String value, String description, boolean complete) {}

    /** Returns the candidates for the word {@code partial} that follows {@code before}. */
    List<String> candidates(List<String> before, String partial) {
        return choices(before, partial).stream().map(Choice::value).toList();
    }

    /**
     * Returns the candidates for {@code partial} as {@link #candidates} does, and where the word is a
     * route's method or path (a positional labelled METHOD or PATH, or a {@code /path} given for a
     * URL), the routes of the spec named on the line or else of the one a pipeline command loaded last.
     */
    List<Choice> choices(List<String> before, String partial) {
        if (!before.isEmpty() && !Builtins.NAMES.contains(before.get(0)) && !partial.startsWith("-")) {
            Line line = line(before);
            String prev = before.get(before.size() - 1);
            OptionSpec option = prev.startsWith("-") ? line.spec.findOption(prev) : null;
            boolean optionValue = option != null && option.arity().max() > 0 && !option.type().equals(boolean.class);
            PositionalParamSpec p = optionValue ? null : positionalAt(line.spec, line.positionals.size());
            String label = p == null ? "" : p.paramLabel();
            if (label.equals("METHOD") || label.equals("PATH") || label.equals("URL") && partial.startsWith("/")) {
                return routeChoices(line, label, partial);
            }
        }
        List<Choice> out = new ArrayList<>();
        for (String c : plain(before, partial)) {
            out.add(new Choice(c, null, !c.endsWith("/")));
        }
        return out;
    }

    /** Returns the methods, or the paths named by their routes, of the spec on this line or else of the one loaded last. */
    private List<Choice> routeChoices(Line line, String label, String partial) {
        String spec = null;
        for (int i = 0; i < line.positionals.size(); i++) {
            PositionalParamSpec p = positionalAt(line.spec, i);
            if (p != null && p.paramLabel().equals("SPEC")) {
                spec = line.positionals.get(i);
            }
        }
        List<PipelineSpec.Route> all = spec != null ? routes.routes(spec) : routes.routes();
        String method = null;
        if (label.equals("PATH")) {
            for (int i = 0; i < line.positionals.size(); i++) {
                PositionalParamSpec p = positionalAt(line.spec, i);
                if (p != null && p.paramLabel().equals("METHOD")) {
                    method = line.positionals.get(i).toUpperCase(Locale.ROOT);
                }
            }
        }
        Map<String, Choice> out = new TreeMap<>();
        for (PipelineSpec.Route r : all) {
            if (r.method() == null || r.path() == null) {
                continue;
            }
            if (label.equals("METHOD")) {
                if (r.method().startsWith(partial.toUpperCase(Locale.ROOT))) {
                    out.putIfAbsent(r.method(), new Choice(r.method(), null, true));
                }
            } else if (r.path().startsWith(partial) && (method == null || method.equals(r.method()))) {
                String name = out.containsKey(r.path()) ? out.get(r.path()).description() + ", " + r.name() : r.name();
                out.put(r.path(), new Choice(r.path(), name, !r.path().contains("{")));
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The command a line names, and the positional words given to it so far (option values skipped). */
    private record Line(CommandSpec spec, List<String> positionals) {}

    private Line line(List<String> words) {
        CommandSpec spec = root();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            CommandLine sub = positionals.isEmpty() ? spec.subcommands().get(w) : null;
            if (sub != null) {
                spec = sub.getCommandSpec();
            } else if (w.startsWith("-") && w.length() > 1) {
                OptionSpec o = spec.findOption(w.contains("=") ? w.substring(0, w.indexOf('=')) : w);
                if (o != null && !w.contains("=") && o.arity().max() > 0 && !o.type().equals(boolean.class)) {
                    i++; // its value
                }
            } else {
                positionals.add(w);
            }
        }
        return new Line(spec, positionals);
    }

    private static PositionalParamSpec positionalAt(CommandSpec spec, int index) {
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(index)) {
                return p;
            }
        }
        return null;
    }

    /** Returns the positional words of the command line {@code words} (the leaf command's, option values skipped). */
    List<String> positionals(List<String> words) {
        return line(words).positionals;
    }

    private List<String> plain(List<String> before, String partial) {
        if (before.isEmpty()) {
            Set<String> out = new TreeSet<>(Builtins.NAMES);
            out.addAll(root().subcommands().keySet());
            if (partial.startsWith("-")) {
                return matching(optionNames(root()), partial);
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
        CommandSpec spec = root();
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
