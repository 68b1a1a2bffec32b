package org.atelier.runtime.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens once the platform's database answers: registers {@link Ready}, which the generator registry and the API key
 * store need before they start (they migrate and read their tables when they start). A database that is down when
 * Atelier boots (PostgreSQL not up yet) is asked again after 1, 2, 4 … up to 30 seconds, with a warning each time,
 * instead of leaving those components failed until a restart; meanwhile {@code /health/ready} answers 503.
 */
@Component(immediate = true)
// Ready is registered by this code, not declared by a component: say so, for the resolver (the registry requires it)
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=\"org.atelier.runtime.internal.DatabaseGate$Ready\"")
public final class DatabaseGate {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGate.class);
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    /** The marker: the database answered. */
    public static final class Ready {
        Ready() {
        }
    }

    /** Waits between two attempts; interrupted when the gate closes. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final BundleContext context;
    private volatile boolean closed;
    private ServiceRegistration<Ready> registration;
    private Thread waiter;

    @Activate
    public DatabaseGate(BundleContext context, @Reference(target = "(dataSourceName=atelier)") DataSource dataSource) {
        this.context = context;
        if (answers(dataSource, true)) {
            open();
            return;
        }
        waiter = new Thread(() -> {
            if (waitFor(dataSource, FIRST_WAIT, LONGEST_WAIT, d -> Thread.sleep(d.toMillis()), () -> closed)) {
                open();
            }
        }, "atelier-database-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    private synchronized void open() {
        if (!closed) {
            registration = context.registerService(Ready.class, new Ready(), null);
            LOG.info("The database answers: the platform starts");
        }
    }

    @Deactivate
    void close() throws InterruptedException {
        closed = true;
        Thread w = waiter;
        if (w != null) {
            w.interrupt();
            w.join(5_000);
        }
        synchronized (this) {
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
        }
    }

    /**
     * Asks the database until it answers, waiting {@code first}, then twice as long each time up to {@code longest}.
     *
     * @return true once it answered; false when {@code stopped} said so or the wait was interrupted
     */
    static boolean waitFor(DataSource dataSource, Duration first, Duration longest, Sleeper sleeper,
            BooleanSupplier stopped) {
        Duration wait = first;
        while (!stopped.getAsBoolean()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (stopped.getAsBoolean()) {
                return false;
            }
            if (answers(dataSource, false)) {
                return true;
            }
            Duration next = wait.multipliedBy(2);
            wait = next.compareTo(longest) > 0 ? longest : next;
        }
        return false;
    }

    private static boolean answers(DataSource dataSource, boolean first) {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(5)) {
                return true;
            }
            LOG.warn("The database gave a connection that is not valid; asking again");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("The database does not answer{} ({}); the platform waits for it and asks again",
                    first ? " yet" : "", e.getMessage());
        }
        return false;
    }
}
