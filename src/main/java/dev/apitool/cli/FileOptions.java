package dev.apitool.cli;

import dev.apitool.core.io.InputException;
import dev.apitool.core.io.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The files a command writes ({@code --html}, {@code --report}, {@code --out}, {@code --hdr-log}):
 * one rule for all, the one {@link OutputFile} applies, and {@code --no-clobber} to keep a file
 * that exists. A command mixes this in, declares the files it reads ({@link #reads}), and checks
 * each of its output paths before its work: an output that is one of the inputs or another output
 * of the same run is refused there (exit 2, naming both flags), so no flag silently overwrites
 * another's file.
 */
public final class FileOptions {

    /** A file of this run, as the user named it ({@code label}: the flag and its value) and where it is. */
    private record Named(String label, Path path) {}

    private final List<Named> inputs = new ArrayList<>();
    private final List<Named> outputs = new ArrayList<>();

    @Option(names = "--no-clobber", description = "Refuse to replace a file that exists (default: replace it, atomically for a regular file).")
    boolean noClobber;

    /**
     * Returns the report file {@code name} (mode 0644), checked now.
     *
     * @throws InputException for {@code -} (standard output carries the result) or a path that cannot be written
     */
    public OutputFile report(Context context, String name, String flag) {
        return check(context, name, flag, OutputFile.Access.PUBLIC);
    }

    /**
     * Returns the private key file {@code name} (mode 0600), checked now: unlike every other output
     * file, one that exists is refused unless {@code force}.
     */
    public OutputFile privateKey(Context context, String name, String flag, boolean force) {
        return checked(context, name, flag, OutputFile.Options.report().noClobber(noClobber).privateKey(force));
    }

    /** As {@link #report}, with {@code access} for a new file. */
    public OutputFile check(Context context, String name, String flag, OutputFile.Access access) {
        return checked(context, name, flag, OutputFile.Options.report().access(access).noClobber(noClobber));
    }

    /**
     * Declares that the command reads the file {@code name} (given as {@code label}, e.g.
     * {@code --targets t.ndjson}): no output file of this run may be it. Null and {@code -} (standard input) are ignored.
     */
    public void reads(Context context, String label, String name) {
        if (name != null && !name.equals("-")) {
            inputs.add(new Named(label, context.workDir().resolve(name)));
        }
    }

    /** Returns whether {@code a} and {@code b} (either may be null) name one file, resolved against the working directory. */
    public static boolean same(Context context, String a, String b) {
        return a != null && b != null && !a.equals("-") && !b.equals("-")
                && same(context.workDir().resolve(a), context.workDir().resolve(b));
    }

    private static boolean same(Path a, Path b) {
        Path pa = a.toAbsolutePath().normalize();
        Path pb = b.toAbsolutePath().normalize();
        if (pa.equals(pb)) {
            return true;
        }
        try {
            return Files.exists(pa) && Files.exists(pb) && Files.isSameFile(pa, pb);
        } catch (IOException e) {
            return false;
        }
    }

    private OutputFile checked(Context context, String name, String flag, OutputFile.Options options) {
        if (name.equals("-")) {
            throw new InputException(flag + " -: standard output carries the result; give a file name");
        }
        Path path = context.workDir().resolve(name);
        String label = flag.endsWith("=" + name) ? flag : flag + " " + name; // --report json=r.json names its file already
        for (Named in : inputs) {
            if (same(path, in.path())) {
                throw new InputException(label + " is the file of " + in.label() + ", which this command reads:"
                        + " writing it would destroy the input; give another file");
            }
        }
        for (Named out : outputs) {
            if (same(path, out.path())) {
                throw new InputException(label + " is the file of " + out.label() + ": one would overwrite the other;"
                        + " give another file");
            }
        }
        OutputFile file = OutputFile.check(path, name, flag, options);
        outputs.add(new Named(label, path));
        return file;
    }
}
