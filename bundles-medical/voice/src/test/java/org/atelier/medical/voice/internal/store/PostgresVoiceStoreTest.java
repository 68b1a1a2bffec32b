package org.atelier.medical.voice.internal.store;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The same tests on PostgreSQL, in a schema of their own. {@code .ci/postgres} starts a throw-away server and sets
 * {@code ATELIER_TEST_POSTGRES_URL}; without it these tests are skipped.
 */
@EnabledIfEnvironmentVariable(named = "ATELIER_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresVoiceStoreTest extends VoiceStoreTest {

    private String schema;

    @Override
    DataSource newDatabase() throws Exception {
        schema = "v" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(System.getenv("ATELIER_TEST_POSTGRES_URL"));
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource db = new PGSimpleDataSource();
        db.setUrl(System.getenv("ATELIER_TEST_POSTGRES_URL"));
        db.setCurrentSchema(schema);
        return db;
    }

    @AfterEach
    void dropSchema() throws Exception {
        PGSimpleDataSource server = new PGSimpleDataSource();
        server.setUrl(System.getenv("ATELIER_TEST_POSTGRES_URL"));
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
