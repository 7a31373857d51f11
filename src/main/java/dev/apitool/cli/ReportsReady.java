package dev.apitool.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a command that says when it is ready for others through {@link Context#reportReady} (a
 * server, once it listens). The shell's {@code &} waits for that before it prints the job's line,
 * so the next line of a script can use the server; commands without it start without waiting.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReportsReady {
}
