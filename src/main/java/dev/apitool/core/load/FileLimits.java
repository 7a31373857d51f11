package dev.apitool.core.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The process's open-file limit, read from {@code /proc/self/limits} on Linux: every connection
 * holds a file descriptor, so a run with more connections than the limit allows fails with
 * "Too many open files" part-way. {@link #check} says so before the run starts.
 *
 * @param soft the limit in force, or -1 when unknown (not Linux)
 * @param hard the most the soft limit can be raised to without privileges, or -1
 */
public record FileLimits(long soft, long hard) {

    /** Descriptors a JVM holds besides the connections: jars, the epoll instance, standard streams. */
    public static final int RESERVE = 64;

    /** Returns this process's limits, or unknown (-1, -1) where {@code /proc/self/limits} cannot be read. */
    public static FileLimits current() {
        try {
            return parse(Files.readString(Path.of("/proc/self/limits")));
        } catch (IOException | RuntimeException e) {
            return new FileLimits(-1, -1);
        }
    }

    /** Returns the limits in the text of a {@code /proc/PID/limits} file ({@code unlimited} as Long.MAX_VALUE). */
    public static FileLimits parse(String procLimits) {
        for (String line : procLimits.split("\n")) {
            if (line.startsWith("Max open files")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                if (f.length >= 2) {
                    return new FileLimits(value(f[0]), value(f[1]));
                }
            }
        }
        return new FileLimits(-1, -1);
    }

    private static long value(String s) {
        return s.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(s);
    }

    /**
     * Returns how many descriptors are missing when {@code sockets} connections (plus {@link #RESERVE}) do
     * not fit under the soft limit, or empty when they do or the limit is unknown.
     */
    public OptionalLong shortfall(int sockets) {
        if (soft < 0 || sockets + (long) RESERVE <= soft) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sockets + (long) RESERVE - soft);
    }

    /** Returns advice for a run needing {@code sockets} descriptors, naming the flag that asked for them. */
    public String advice(int sockets, String flag) {
        long needed = sockets + (long) RESERVE;
        String raise = hard >= needed
                ? "raise it in this shell with 'ulimit -n " + needed + "' (the hard limit is " + hard + ")"
                : "raise the hard limit (as root: 'ulimit -Hn " + needed + "', or nofile in /etc/security/limits.conf or systemd's LimitNOFILE)";
        return flag + " needs about " + needed + " open files but the limit is " + soft + ": " + raise + ", or lower " + flag.split(" ")[0];
    }
}
