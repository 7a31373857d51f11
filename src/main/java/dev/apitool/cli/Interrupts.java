package dev.apitool.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Ctrl-C turned into a clean stop (health {@code --watch}, {@code load}): SIGINT runs an action
 * instead of ending the JVM, so the command returns normally with what it has. Uses the JDK's
 * {@code sun.misc.Signal} (module jdk.unsupported) reflectively, which keeps the compiler's
 * internal-API warnings out of the build; where it is missing, Ctrl-C ends the JVM as usual.
 */
public final class Interrupts implements AutoCloseable {

    private final Method handle;
    private final Object signal;
    private final Object previous;

    private Interrupts(Method handle, Object signal, Object previous) {
        this.handle = handle;
        this.signal = signal;
        this.previous = previous;
    }

    /** Returns a registration that runs {@code action} on SIGINT until closed. */
    public static Interrupts onCtrlC(Runnable action) {
        return on("INT", action);
    }

    /** Returns a registration that runs {@code action} on the signal {@code name} ({@code INT}, {@code TERM}, {@code HUP}) until closed. */
    public static Interrupts on(String name, Runnable action) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object signal = signalClass.getConstructor(String.class).newInstance(name);
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, m, args) -> switch (m.getName()) {
                        case "handle" -> {
                            action.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "apitool interrupt handler";
                    });
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            return new Interrupts(handle, signal, handle.invoke(null, signal, handler));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Interrupts(null, null, null);
        }
    }

    /** Puts the previous SIGINT handler back. */
    @Override
    public void close() {
        if (handle != null) {
            try {
                handle.invoke(null, signal, previous);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the JVM is on its way out anyway
            }
        }
    }
}
