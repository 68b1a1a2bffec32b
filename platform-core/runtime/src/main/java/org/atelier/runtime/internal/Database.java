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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's tables, created and migrated by numbered migrations recorded in {@code atelier_schema}. The SQL is
 * what H2 (the embedded default) and PostgreSQL both accept.
 */
final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /**
     * Migration N is at index N - 1; a released migration never changes, a new one is appended. Statements are
     * idempotent ({@code IF NOT EXISTS}): H2 commits DDL as it runs, so a half-applied migration must be safe to rerun.
     */
    static final List<String[]> MIGRATIONS = List.<String[]>of(
            new String[] {
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
            },
            new String[] {
                "ALTER TABLE atelier_jobs ADD COLUMN IF NOT EXISTS owner VARCHAR(64)",
                "CREATE INDEX IF NOT EXISTS atelier_jobs_owner ON atelier_jobs (owner)",
                "CREATE TABLE IF NOT EXISTS atelier_api_keys (id VARCHAR(64) PRIMARY KEY, name VARCHAR(200) NOT NULL, "
                        + "role VARCHAR(16) NOT NULL, hash VARCHAR(64) NOT NULL, "
                        + "created TIMESTAMP WITH TIME ZONE NOT NULL, revoked TIMESTAMP WITH TIME ZONE)",
                "CREATE UNIQUE INDEX IF NOT EXISTS atelier_api_keys_hash ON atelier_api_keys (hash)"
            },
            new String[] {
                // an artifact written after its job was asked to stop (H2 and PostgreSQL both take this form)
                "ALTER TABLE atelier_artifacts ADD COLUMN IF NOT EXISTS partial BOOLEAN DEFAULT FALSE NOT NULL"
            });

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
     */
    <T> T call(Work<T> work) throws SQLException {
        Future<T> f = JDBC.submit(() -> {
            try (Connection c = connect()) {
                return work.on(c);
            }
        });
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

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /** One migration at a time in this JVM: the registry and the key store both migrate when they start. */
    private static final Object MIGRATING = new Object();

    private void migrate() throws SQLException {
        synchronized (MIGRATING) {
            migrateNow();
        }
    }

    private void migrateNow() throws SQLException {
        try (Connection c = connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS atelier_schema (version INTEGER PRIMARY KEY, "
                        + "applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            }
            int current = 0;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT COALESCE(MAX(version), 0) FROM atelier_schema")) {
                if (r.next()) {
                    current = r.getInt(1);
                }
            }
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int v = current + 1; v <= MIGRATIONS.size(); v++) {
                    try (Statement s = c.createStatement()) {
                        for (String sql : MIGRATIONS.get(v - 1)) {
                            s.execute(sql);
                        }
                    }
                    try (PreparedStatement p = c.prepareStatement(
                            "INSERT INTO atelier_schema (version, applied) VALUES (?, ?)")) {
                        p.setInt(1, v);
                        p.setObject(2, time(Instant.now()));
                        p.executeUpdate();
                    }
                    c.commit();
                    LOG.info("Database schema migrated to version {}", v);
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
