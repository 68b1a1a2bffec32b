package org.atelier.runtime.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.atelier.runtime.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's tables, created and migrated by numbered migrations (see {@link Migrations}: the same loop as the
 * verticals' tables, component {@code platform}). The SQL is what H2 (the embedded default) and PostgreSQL both accept.
 */
final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * Migration N is at index N - 1; a released migration never changes, a new one is appended. Statements are
     * idempotent ({@code IF NOT EXISTS}): H2 commits DDL as it runs, so a half-applied migration must be safe to rerun.
     */
    static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                "CREATE TABLE IF NOT EXISTS atelier_jobs (id VARCHAR(64) PRIMARY KEY, generator VARCHAR(200) NOT NULL, "
                        + "state VARCHAR(16) NOT NULL, progress DOUBLE PRECISION NOT NULL, message TEXT, "
                        + "result TEXT, created TIMESTAMP WITH TIME ZONE NOT NULL, "
                        + "finished TIMESTAMP WITH TIME ZONE)",
                "CREATE INDEX IF NOT EXISTS atelier_jobs_created ON atelier_jobs (created)",
                "CREATE INDEX IF NOT EXISTS atelier_jobs_state ON atelier_jobs (state)",
                "CREATE TABLE IF NOT EXISTS atelier_artifacts (id VARCHAR(64) PRIMARY KEY, job_id VARCHAR(64), "
                        + "name VARCHAR(300) NOT NULL, media_type VARCHAR(200) NOT NULL, bytes BIGINT NOT NULL, "
                        + "sha256 VARCHAR(64) NOT NULL, label TEXT NOT NULL, "
                        + "created TIMESTAMP WITH TIME ZONE NOT NULL)",
                "CREATE INDEX IF NOT EXISTS atelier_artifacts_job ON atelier_artifacts (job_id)"
            ),
            List.of(
                "ALTER TABLE atelier_jobs ADD COLUMN IF NOT EXISTS owner VARCHAR(64)",
                "CREATE INDEX IF NOT EXISTS atelier_jobs_owner ON atelier_jobs (owner)",
                "CREATE TABLE IF NOT EXISTS atelier_api_keys (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                        + "role VARCHAR(16) NOT NULL, hash VARCHAR(64) NOT NULL, "
                        + "created TIMESTAMP WITH TIME ZONE NOT NULL, revoked TIMESTAMP WITH TIME ZONE)",
                "CREATE UNIQUE INDEX IF NOT EXISTS atelier_api_keys_hash ON atelier_api_keys (hash)"
            ),
            List.of(
                // an artifact written after its job was asked to stop (H2 and PostgreSQL both take this form)
                "ALTER TABLE atelier_artifacts ADD COLUMN IF NOT EXISTS partial BOOLEAN DEFAULT FALSE NOT NULL"
            ),
            List.of(
                // sub-jobs name their parent; the last progress details stay with the job; a job's preview is an
                // artifact of its own, not listed among its artifacts
                "ALTER TABLE atelier_jobs ADD COLUMN IF NOT EXISTS parent VARCHAR(64)",
                "CREATE INDEX IF NOT EXISTS atelier_jobs_parent ON atelier_jobs (parent)",
                "ALTER TABLE atelier_jobs ADD COLUMN IF NOT EXISTS details TEXT",
                "ALTER TABLE atelier_artifacts ADD COLUMN IF NOT EXISTS preview BOOLEAN DEFAULT FALSE NOT NULL"
            ));

    /** Threads that run JDBC; shared by every Database in this bundle, never interrupted by anyone. */
    static final int THREADS = 4;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ThreadFactory FACTORY = r -> {
        Thread t = new Thread(r, "atelier-database-" + NAMES.incrementAndGet());
        t.setDaemon(true);
        return t;
    };
    private static final ExecutorService JDBC = Executors.newFixedThreadPool(THREADS, FACTORY);

    private final DataSource dataSource;

    Database(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        migrate();
    }

    /** Work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /**
     * Runs the work on a connection on the database's own threads, never on the caller's. H2 reads and writes its
     * file through NIO channels: a thread interrupted inside one closes the channel, and from then on H2 refuses
     * every write ("An old transaction with the same id is still open") or closes the database. Job workers are
     * cancelled and hot-swapped bundles stop their threads, so no such thread may run JDBC. The caller waits
     * without being interruptible; an interrupt that arrives meanwhile is kept and set again when the work is done.
     * A lost connection or a closed database is reconnected and the work run again (see {@link #attempts}), so work
     * must be safe to repeat: it starts from scratch on the connection it is given.
     *
     * @throws StoreUnavailableException when the database stays lost after a few attempts
     */
    <T> T call(Work<T> work) throws SQLException {
        Future<T> f = JDBC.submit(() -> attempts(work));
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException sql) {
                        throw sql;
                    }
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new SQLException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Attempts of one piece of work while the database is lost; between them the connections are renewed. */
    static final int ATTEMPTS = 3;
    /** Pause before the second attempt; doubled before each further one. */
    static final long FIRST_PAUSE_MILLIS = 200;
    /** What a 503 tells a client to wait. */
    static final int RETRY_AFTER_SECONDS = 5;
    /** Stale connections a pool may still hold (it keeps idle ones and does not test them when it lends them). */
    private static final int MOST_STALE = 4 * THREADS;

    /**
     * Runs the work, reconnecting when the connection is lost or the database closed under it: a lost or stale
     * connection is aborted (a pool then drops it instead of lending it again), an embedded H2 whose store failed is
     * shut down so that the next connection opens it afresh from its file, and the work runs again, at most
     * {@link #ATTEMPTS} times. Any other error is the work's own and is thrown at once.
     *
     * @throws StoreUnavailableException when the database stays lost
     */
    private <T> T attempts(Work<T> work) throws SQLException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause(FIRST_PAUSE_MILLIS << (attempt - 2));
            }
            Connection c = null;
            try {
                c = connect();
                T result = work.on(c);
                Connection done = c;
                c = null;
                done.close();
                return result;
            } catch (SQLException e) {
                if (!lost(e)) {
                    closeQuietly(c);
                    throw e;
                }
                last = e;
                LOG.warn("The database connection is lost or the database closed ({}); reconnecting, attempt {} of {}",
                        e.getMessage(), attempt, ATTEMPTS);
                if (wedged(e) && c != null) {
                    shutDownEmbedded(c);
                }
                abort(c);
                dropStale();
            }
        }
        LOG.error("The database did not come back after {} attempts: {}", ATTEMPTS, last.getMessage());
        throw new StoreUnavailableException("the database is not available (" + last.getMessage()
                + "); retry shortly", RETRY_AFTER_SECONDS, last);
    }

    /**
     * @return whether the error says the connection or the database is gone rather than that the work was wrong:
     *         SQLState class 08 (connection exception) and PostgreSQL's 57P01-57P03 (server shutting down or
     *         starting), H2's closed database (90098), database closed at shutdown (90121), closed object (90007),
     *         broken connection (90067), file I/O failures (90028, 90031), and an H2 store left unusable by an
     *         interrupted file access
     */
    static boolean lost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                switch (s.getErrorCode()) {
                    case 90007, 90028, 90031, 90067, 90098, 90121:
                        return true;
                    default:
                        break;
                }
            }
        }
        return wedged(e);
    }

    /** @return whether an embedded H2's store failed under it and must be closed before it works again */
    static boolean wedged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("old transaction with the same id is still open")
                    || m.contains("Reading from file") || m.contains("Writing to file"))) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == 90028 || s.getErrorCode() == 90031)) {
                return true;
            }
        }
        return false;
    }

    /** Closes an embedded H2 database at once, so that the next connection recovers it from its file. */
    private static void shutDownEmbedded(Connection c) {
        try {
            String url = c.getMetaData().getURL();
            if (url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:")
                    && !url.startsWith("jdbc:h2:ssl:")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN IMMEDIATELY");
                }
                LOG.warn("The embedded H2 database was shut down to be reopened from its file");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Shutting down the embedded database failed (it may be closed already)", e);
        }
    }

    /** Takes the idle connections a pool still lends that no longer answer, until one answers or none is left. */
    private void dropStale() {
        for (int i = 0; i < MOST_STALE; i++) {
            Connection c;
            try {
                c = connect();
            } catch (SQLException | RuntimeException e) {
                return; // the database itself does not answer: the next attempt says so
            }
            boolean valid;
            try {
                valid = c.isValid(2);
            } catch (SQLException | RuntimeException e) {
                valid = false;
            }
            if (valid) {
                closeQuietly(c);
                return;
            }
            abort(c);
        }
    }

    /** Closes the physical connection, so that a pool drops it rather than lend it again. */
    private static void abort(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Aborting a lost connection failed", e);
        }
        closeQuietly(c);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Closing a connection failed", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // nobody interrupts the database's threads; should someone, the flag must not reach the next JDBC call
            LOG.debug("A database thread was interrupted while it waited to reconnect");
        }
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** The platform's tables through the one migration loop, as component {@code platform}. */
    private void migrate() throws SQLException {
        call(c -> Migrations.migrate(c, Migrations.PLATFORM, MIGRATIONS));
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
