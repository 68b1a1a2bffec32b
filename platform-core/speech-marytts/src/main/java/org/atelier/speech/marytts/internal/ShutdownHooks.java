package org.atelier.speech.marytts.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MaryTTS's {@code Mary.startup} always adds a JVM shutdown hook that calls {@code Mary.shutdown()}. In OSGi that hook
 * runs after the framework has stopped, when the bundle's class loader no longer loads classes
 * ({@code NoClassDefFoundError: marytts/util/MaryCache} at every exit), and it keeps an updated bundle's old class
 * loader alive. There is nothing MaryTTS must save at exit, so the hook is taken out again. The JDK keeps hooks in
 * {@code java.lang.ApplicationShutdownHooks}; reading it needs {@code java.lang} open to unnamed modules, as Karaf's
 * launcher opens it ({@code --add-opens java.base/java.lang=ALL-UNNAMED}). Where it is not open, the hook stays.
 */
final class ShutdownHooks {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHooks.class);

    private ShutdownHooks() {
    }

    /** MaryTTS's own hooks: classes of package marytts from the loader that loaded MaryTTS. */
    static Predicate<Class<?>> mary() {
        ClassLoader loader = marytts.server.Mary.class.getClassLoader();
        return c -> c.getClassLoader() == loader && c.getName().startsWith("marytts.");
    }

    /** @return the registered hooks whose class is one of these; empty when they cannot be read */
    static List<Thread> of(Predicate<Class<?>> classes) {
        try {
            Class<?> hooks = Class.forName("java.lang.ApplicationShutdownHooks");
            Field field = hooks.getDeclaredField("hooks");
            field.setAccessible(true);
            List<Thread> found = new ArrayList<>();
            synchronized (hooks) {
                Object map = field.get(null);
                if (map instanceof Map<?, ?> m) {
                    for (Object t : m.keySet()) {
                        if (t instanceof Thread thread && classes.test(thread.getClass())) {
                            found.add(thread);
                        }
                    }
                }
            }
            return found;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("The JVM's shutdown hooks cannot be read ({}): MaryTTS's stays", e.toString());
            return List.of();
        }
    }

    /** Removes the hooks whose class is one of these; @return how many were removed */
    static int remove(Predicate<Class<?>> classes) {
        int removed = 0;
        for (Thread t : of(classes)) {
            try {
                if (Runtime.getRuntime().removeShutdownHook(t)) {
                    removed++;
                }
            } catch (IllegalStateException e) {
                return removed; // the JVM is already shutting down
            }
        }
        return removed;
    }
}
