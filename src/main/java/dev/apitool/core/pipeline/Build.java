package dev.apitool.core.pipeline;

import dev.apitool.core.io.InputException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a middleware's or handler's factory gets besides its settings: the container of services,
 * the environment, its own label, and the pipeline's timer for work that waits (delays, timeouts).
 *
 * @param container the services, built on first use
 * @param env clocks, inputs, log
 * @param label the middleware's label or the route's name, in messages and traces
 * @param timer runs delayed tasks; owned by the pipeline
 * @param path the route's path pattern for a handler, null for a middleware
 */
public record Build(Container container, Environment env, String label, ScheduledExecutorService timer, String path) {

    /**
     * Returns the service named by the text at {@code ref} as a {@code type}, or null after
     * recording why not at {@code ref} (a missing name or a cycle names the chain).
     *
     * @param kind what the service should be, in messages ("store")
     * @param requester who asks, e.g. {@code rate-limit "per-user"}
     */
    public <T> T service(Node ref, Class<T> type, String kind, String requester) {
        String name = ref.text(null);
        if (name == null) {
            return null;
        }
        try {
            return container.get(name.strip(), type, kind, requester);
        } catch (Services.Recorded e) {
            return null; // the service's own problems are recorded at its keys
        } catch (InputException e) {
            ref.error(e.getMessage());
            return null;
        }
    }
}
