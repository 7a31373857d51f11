package dev.apitool.cli;

import dev.apitool.core.io.InputException;
import dev.apitool.core.io.OutputFile;
import picocli.CommandLine.Option;

/**
 * The files a command writes ({@code --html}, {@code --report}, {@code --out}, {@code --hdr-log}):
 * one rule for all, the one {@link OutputFile} applies, and {@code --no-clobber} to keep a file
 * that exists. A command mixes this in and checks each of its output paths before its work.
 */
public final class FileOptions {

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

    private static OutputFile checked(Context context, String name, String flag, OutputFile.Options options) {
        if (name.equals("-")) {
            throw new InputException(flag + " -: standard output carries the result; give a file name");
        }
        return OutputFile.check(context.workDir().resolve(name), name, flag, options);
    }
}
