package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One migration loop for the platform's tables and the verticals', and the upgrade of a home made before it. */
class MigrationsTest {

    @TempDir
    Path dir;
    private JdbcDataSource h2;

    @BeforeEach
    void database() {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * A home as the platform left it before this change: its own versions in atelier_schema, a vertical's in
     * atelier_component_schema, a job and a vertical's row in their tables.
     */
    @Test
    void aHomeMadeBeforeKeepsItsDataAndRunsNoMigrationTwice() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE atelier_schema (version INTEGER PRIMARY KEY, "
                    + "applied TIMESTAMP WITH TIME ZONE NOT NULL)");
            for (int v = 1; v <= Database.MIGRATIONS.size(); v++) {
                for (String sql : Database.MIGRATIONS.get(v - 1)) {
                    s.execute(sql);
                }
                s.execute("INSERT INTO atelier_schema VALUES (" + v + ", TIMESTAMP WITH TIME ZONE "
                        + "'2026-11-30 10:00:00+00')");
            }
            s.execute("INSERT INTO atelier_jobs (id, generator, state, progress, created, owner) VALUES "
                    + "('j1', 'medical/voice', 'SUCCEEDED', 1, TIMESTAMP WITH TIME ZONE '2026-11-30 10:00:00+00', 'k1')");
            s.execute("CREATE TABLE atelier_component_schema (component VARCHAR(100) NOT NULL, version INTEGER NOT NULL, "
                    + "applied TIMESTAMP WITH TIME ZONE NOT NULL, PRIMARY KEY (component, version))");
            s.execute("INSERT INTO atelier_component_schema VALUES ('medical.voice', 1, CURRENT_TIMESTAMP)");
            s.execute("CREATE TABLE medical_voice_profiles (id VARCHAR(64) PRIMARY KEY)");
            s.execute("INSERT INTO medical_voice_profiles VALUES ('anna')");
            // a migration that, run a second time, would fail: it shows the platform's are not run again
            s.execute("CREATE TABLE atelier_guard (id INTEGER)");
        }

        new Database(h2);
        VerticalStorageImpl storage = new VerticalStorageImpl(h2);

        assertThat(storage.version(Migrations.PLATFORM)).isEqualTo(Database.MIGRATIONS.size());
        assertThat(storage.version("medical.voice")).isEqualTo(1);
        assertThat(query("SELECT id FROM atelier_jobs")).containsExactly("j1");
        assertThat(query("SELECT id FROM medical_voice_profiles")).containsExactly("anna");
        assertThat(query("SELECT CAST(applied AS VARCHAR) FROM atelier_component_schema WHERE component = 'platform' "
                + "ORDER BY version")).hasSize(Database.MIGRATIONS.size()).allSatisfy(t -> assertThat(t)
                .startsWith("2026-11-30 10:00:00"));

        // the vertical's next migration runs once, the first is not run again
        List<List<String>> medical = List.of(List.of("CREATE TABLE medical_voice_profiles (id VARCHAR(64))"),
                List.of("ALTER TABLE medical_voice_profiles ADD COLUMN IF NOT EXISTS handle VARCHAR(64)"));
        assertThat(storage.migrate("medical.voice", medical)).isEqualTo(2);
        assertThat(storage.migrate("medical.voice", medical)).isEqualTo(2);
        assertThat(query("SELECT id FROM medical_voice_profiles")).containsExactly("anna");
    }

    @Test
    void aNewHomeRecordsThePlatformAsAComponent() throws SQLException {
        new Database(h2);
        new Database(h2); // a second start runs nothing
        assertThat(query("SELECT version FROM atelier_component_schema WHERE component = 'platform' ORDER BY version"))
                .hasSize(Database.MIGRATIONS.size());
        assertThat(tables()).doesNotContain("ATELIER_SCHEMA");
    }

    @Test
    void aFailingMigrationIsNotRecordedAndTheEarlierOnesStay() throws SQLException {
        VerticalStorageImpl storage = new VerticalStorageImpl(h2);
        List<List<String>> ok = List.of(List.of("CREATE TABLE IF NOT EXISTS acme_songs (id INTEGER PRIMARY KEY)"));
        assertThat(storage.migrate("acme.music", ok)).isEqualTo(1);

        List<List<String>> broken = new ArrayList<>(ok);
        // (no DDL after the insert: H2 commits before DDL, which is why migrations must be idempotent)
        broken.add(List.of("INSERT INTO acme_songs VALUES (1)", "INSERT INTO acme_songs VALUES (1)"));
        assertThatThrownBy(() -> storage.migrate("acme.music", broken)).isInstanceOf(SQLException.class);
        assertThat(storage.version("acme.music")).isEqualTo(1);
        assertThat(query("SELECT id FROM acme_songs")).isEmpty();
    }

    @Test
    void namesThatAreNotAComponentsAreRefused() throws SQLException {
        VerticalStorageImpl storage = new VerticalStorageImpl(h2);
        List<List<String>> none = List.of();
        assertThatThrownBy(() -> storage.migrate("Acme Music", none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("component must match");
        assertThatThrownBy(() -> storage.migrate("../x", none)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.migrate(null, none)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.migrate("platform", none)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the platform's own");
        assertThat(storage.version("acme.none")).isZero();
    }

    private List<String> query(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private List<String> tables() throws SQLException {
        return query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
    }
}
