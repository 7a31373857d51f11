package dev.apitool.core.pipeline;

import java.util.List;

/**
 * Makes one kind of middleware or handler from its mapping in a spec: declares the parameters it
 * takes (any other key is reported with a did-you-mean), reads them into its own settings record,
 * and records every problem at its position. Registries map type names to factories, so adding a
 * middleware is one class and one registry line.
 *
 * @param <T> {@link Middleware} or {@link Handler}
 */
public interface Factory<T> {

    /** Returns the type name in specs, e.g. {@code rate-limit}. */
    String type();

    /** Returns the parameters (keys besides {@code type} and {@code name}) this type takes. */
    List<String> parameters();

    /** Returns a one-line description, for help and documentation. */
    String summary();

    /** Returns why this type cannot be used yet (a check reports it), or null when it can. */
    default String unavailable() {
        return null;
    }

    /** Returns the middleware or handler {@code node} describes, or null after recording problems that prevent it. */
    T create(Node node, Build build);
}
