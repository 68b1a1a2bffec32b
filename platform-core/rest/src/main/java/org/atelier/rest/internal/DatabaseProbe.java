package org.atelier.rest.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

/**
 * Asks the platform's database whether it answers, for {@code /health/ready}, within a bounded time. The question
 * runs on one thread of its own that nobody interrupts (an interrupted JDBC call can close H2's file); a question
 * still waiting for a database that hangs is not asked again, so a readiness poll never piles up threads.
 */
final class DatabaseProbe {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "atelier-health-database");
        t.setDaemon(true);
        return t;
    });
    private Future<Boolean> pending;

    /**
     * @param dataSource the database, {@code null} when none is registered
     * @param name its name as people know it ({@code atelier})
     * @param timeout how long to wait for an answer
     * @return {@code null} when it answers, else what is wrong, naming the database
     */
    String problem(DataSource dataSource, String name, Duration timeout) {
        if (dataSource == null) {
            return "database " + name + " has no data source (see etc/org.ops4j.datasource-" + name + ".cfg)";
        }
        long millis = Math.max(1, timeout.toMillis());
        Future<Boolean> f;
        synchronized (this) {
            if (pending == null || pending.isDone()) {
                int seconds = (int) Math.max(1, (millis + 999) / 1000);
                pending = thread.submit(() -> answers(dataSource, seconds));
            }
            f = pending;
        }
        try {
            return f.get(millis, TimeUnit.MILLISECONDS) ? null
                    : "database " + name + " gave a connection that does not answer";
        } catch (TimeoutException e) {
            return "database " + name + " did not answer within " + seconds(timeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "database " + name + " fails: " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "database " + name + " was not asked: the request was interrupted";
        }
    }

    private static boolean answers(DataSource dataSource, int seconds) throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            if (c.isValid(seconds)) {
                return true;
            }
            c.abort(Runnable::run); // a pool then drops it instead of lending it again
            return false;
        } finally {
            c.close();
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    void close() {
        thread.shutdown();
    }
}
