package org.atelier.runtime.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every sub-job, details and preview test again on a real PostgreSQL server, each in a schema of its own: the same
 * migrations and queries must work there as on the embedded H2. {@code .ci/postgres} starts a throw-away server and
 * sets {@code ATELIER_TEST_POSTGRES_URL}; without it these tests are skipped.
 */
@EnabledIfEnvironmentVariable(named = PostgresRegistryTest.URL, matches = "jdbc:postgresql:.+")
class PostgresSubJobsTest extends SubJobsTest {

    private static final String URL = PostgresRegistryTest.URL;

    private String schema;

    @Override
    DataSource newDatabase() throws Exception {
        schema = "t" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(System.getenv(URL));
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(System.getenv(URL));
        db.setCurrentSchema(schema);
        return db;
    }

    @AfterEach
    void dropSchema() throws Exception {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(System.getenv(URL));
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
