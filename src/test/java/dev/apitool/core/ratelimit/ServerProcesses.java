package dev.apitool.core.ratelimit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the tests' real-server harnesses (redis-server, nginx) share: finding the binary and stopping it by pid. */
final class ServerProcesses {

    private ServerProcesses() {}

    /**
     * Returns the server binary: the path in {@code overrideVariable} if set (missing there means
     * missing), else the first executable of {@code usual}, else {@code name} on the PATH; null when missing.
     */
    static Path find(String overrideVariable, String name, String... usual) {
        String override = System.getenv(overrideVariable);
        if (override != null && !override.isEmpty()) {
            return Files.isExecutable(Path.of(override)) ? Path.of(override) : null;
        }
        for (String u : usual) {
            if (Files.isExecutable(Path.of(u))) {
                return Path.of(u);
            }
        }
        String path = System.getenv("PATH");
        for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Returns a loopback port free at the moment of asking (a server may still lose it to a race; callers retry). */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the process we started, by its pid: SIGTERM, then SIGKILL if it lingers. */
    static void stop(Process p) throws InterruptedException {
        ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy);
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
