package org.atelier.runtime.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every registry test again on a real PostgreSQL server, each in a schema of its own: the same migrations and
 * queries must work there as on the embedded H2. {@code .ci/postgres} starts a throw-away server and sets
 * {@value #URL}; without it these tests are skipped.
 */
@EnabledIfEnvironmentVariable(named = PostgresRegistryTest.URL, matches = "jdbc:postgresql:.+")
class PostgresRegistryTest extends GeneratorRegistryImplTest {

    static final String URL = "ATELIER_TEST_POSTGRES_URL";

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
