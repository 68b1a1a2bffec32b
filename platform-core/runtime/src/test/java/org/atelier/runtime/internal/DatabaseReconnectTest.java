package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

import javax.sql.DataSource;

import org.apache.commons.dbcp2.DataSourceConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.dbcp2.PoolingDataSource;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.atelier.runtime.Job;
import org.atelier.runtime.StoreUnavailableException;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database closes or goes away under the platform (H2 closed itself after an interrupted file access; a
 * PostgreSQL restarts): the next write reconnects, and a database that stays away is a {@link
 * StoreUnavailableException} (REST: 503), not an SQL error (500). The data source is pooled the way pax-jdbc's dbcp2
 * pool does it in Karaf: idle connections kept and lent again without a test.
 */
class DatabaseReconnectTest {

    @TempDir
    Path dir;

    private GenericObjectPool<PoolableConnection> pool;
    private Server server;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aJobWriteAfterTheEmbeddedDatabaseWasClosedUnderTheStoreSucceeds() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db/atelier") + ";WRITE_DELAY=0");
        JobStore jobs = jobStore(pooled(h2));
        jobs.add(new JobRecord("before", "industrial/topology", Instant.now(), "alice"));
        assertThat(pool.getNumIdle()).as("the pool keeps the connection it lent").isPositive();

        try (Connection other = h2.getConnection(); Statement s = other.createStatement()) {
            s.execute("SHUTDOWN"); // what H2 does to itself when its file channel was closed by an interrupt
        }

        jobs.add(new JobRecord("after", "industrial/topology", Instant.now(), "alice"));
        assertThat(jobs.find("after")).map(Job::id).contains("after");
        assertThat(jobs.find("before")).as("what was written before is still there").map(Job::id)
                .contains("before");
    }

    @Test
    void aDatabaseThatStaysAwayIsStoreUnavailableNotAnSqlError() throws Exception {
        server = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.toString(), "-ifNotExists").start();
        JdbcDataSource remote = new JdbcDataSource();
        remote.setURL("jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/atelier");
        JobStore jobs = jobStore(pooled(remote));
        jobs.add(new JobRecord("before", "industrial/topology", Instant.now(), "alice"));

        server.stop(); // the database server goes away and does not come back

        assertThatThrownBy(() -> jobs.add(new JobRecord("after", "industrial/topology", Instant.now(), "alice")))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("the database is not available")
                .hasCauseInstanceOf(SQLException.class);
    }

    @Test
    void anErrorOfTheWorkItselfIsNotRetriedAndStaysAnSqlError() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:work-error;DB_CLOSE_DELAY=-1");
        Database db = new Database(pooled(h2));
        int[] runs = {0};
        assertThatThrownBy(() -> db.call(c -> {
            runs[0]++;
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
            }
        })).isInstanceOf(SQLException.class).isNotInstanceOf(StoreUnavailableException.class);
        assertThat(runs[0]).isEqualTo(1);
    }

    /** Like pax-jdbc-pool-dbcp2: a GenericObjectPool with its defaults (no test on borrow). */
    private DataSource pooled(DataSource physical) {
        PoolableConnectionFactory factory = new PoolableConnectionFactory(new DataSourceConnectionFactory(physical),
                null);
        pool = new GenericObjectPool<>(factory);
        factory.setPool(pool);
        return new PoolingDataSource<>(pool);
    }

    private JobStore jobStore(DataSource ds) throws Exception {
        Database db = new Database(ds);
        return new JobStore(db, new ArtifactStore(dir.resolve("artifacts"), db), Instant.now());
    }
}
