package dev.apitool.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code --output} formats a command really has, declared on its class: its help and completion
 * list only these, and a run asking for another is a usage error. A command without it prints text
 * only and gets no {@code --output} of its own (see {@link OutputOption}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Formats {
    OutputFormat[] value();
}
