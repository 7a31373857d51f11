package dev.apitool.core.pipeline;

import dev.apitool.core.io.InputException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small dependency-injection container: named factories, each object built once on first use
 * (a singleton) and shared by everything that asks for it. An unknown name and a cycle are errors
 * that name the whole chain of requests ({@code rate-limit "per-user" -> store "shared" -> not
 * defined}); {@link #close} closes what was built in the reverse order of building. A factory
 * that fails is not run again: asking for its object again gets the same error.
 */
public final class Container implements AutoCloseable {

    /** Builds one object; it may ask the container for the objects it needs. */
    @FunctionalInterface
    public interface Factory {
        Object create(Container container) throws Exception;
    }

    /** A name that is missing or part of a cycle; the message names the chain of requests. */
    public static final class ResolutionException extends InputException {
        public ResolutionException(String message) {
            super(message);
        }
    }

    private record Registration(String kind, Factory factory) {}

    private final Map<String, Registration> factories = new LinkedHashMap<>();
    private final Map<String, Object> built = new HashMap<>();
    private final Map<String, InputException> failed = new HashMap<>();
    private final List<Object> order = new ArrayList<>();
    private final Deque<String> building = new ArrayDeque<>();

    /** Registers {@code factory} as {@code name}; {@code kind} names what it builds in messages ("store"). */
    public synchronized void register(String name, String kind, Factory factory) {
        if (factories.putIfAbsent(name, new Registration(kind, factory)) != null) {
            throw new IllegalStateException("'" + name + "' is registered twice");
        }
    }

    /** Returns whether {@code name} is registered. */
    public synchronized boolean has(String name) {
        return factories.containsKey(name);
    }

    /** Returns the kind {@code name} was registered with, or null. */
    public synchronized String kind(String name) {
        Registration r = factories.get(name);
        return r == null ? null : r.kind();
    }

    /** Returns the object {@code name}, building it on first use. */
    public Object get(String name) {
        return get(name, Object.class, null);
    }

    /**
     * Returns the object {@code name} as a {@code type}, building it on first use.
     *
     * @param requester who asks, first in the chain an error names (e.g. {@code rate-limit "per-user"}), or null
     * @throws ResolutionException when {@code name} is not registered, is part of a cycle, or is not a {@code type}
     */
    public synchronized <T> T get(String name, Class<T> type, String requester) {
        return get(name, type, kindOf(type), requester);
    }

    /** As {@link #get(String, Class, String)}, with {@code kind} naming what a missing {@code name} should have been ("store"). */
    public synchronized <T> T get(String name, Class<T> type, String kind, String requester) {
        boolean pushed = requester != null && (building.isEmpty() || !building.peekLast().equals(requester));
        if (pushed) {
            building.addLast(requester);
        }
        try {
            return resolve(name, type, kind);
        } finally {
            if (pushed) {
                building.removeLast();
            }
        }
    }

    private <T> T resolve(String name, Class<T> type, String kind) {
        Object o = built.get(name);
        if (o == null && failed.containsKey(name)) {
            throw failed.get(name);
        }
        if (o == null) {
            Registration r = factories.get(name);
            String label = (r == null ? kind : r.kind()) + " \"" + name + "\"";
            if (r == null) {
                throw new ResolutionException(chain() + label + " -> not defined");
            }
            if (building.contains(label)) {
                throw new ResolutionException(chain() + label + " (a cycle)");
            }
            building.addLast(label);
            try {
                o = r.factory().create(this);
            } catch (ResolutionException e) {
                throw e;
            } catch (InputException e) {
                failed.put(name, e);
                throw e;
            } catch (Exception e) {
                InputException wrapped = new InputException(label + ": cannot build: " + e.getMessage(), e);
                failed.put(name, wrapped);
                throw wrapped;
            } finally {
                building.removeLast();
            }
            built.put(name, o);
            order.add(o);
        }
        if (!type.isInstance(o)) {
            throw new ResolutionException(chain() + kind(name) + " \"" + name + "\" -> is a " + kind(name)
                    + ", not a " + kind);
        }
        return type.cast(o);
    }

    private String chain() {
        StringBuilder s = new StringBuilder();
        for (String b : building) {
            s.append(b).append(" -> ");
        }
        return s.toString();
    }

    private static String kindOf(Class<?> type) {
        return type == Object.class ? "service" : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns how many objects have been built. */
    public synchronized int builtCount() {
        return order.size();
    }

    /** Closes every object built that is {@link AutoCloseable}, the last built first; the first failure is rethrown after all. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (int i = order.size() - 1; i >= 0; i--) {
            if (order.get(i) instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                    }
                }
            }
        }
        order.clear();
        built.clear();
        if (first != null) {
            throw first;
        }
    }
}
