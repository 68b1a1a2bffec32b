package org.atelier.api.storage;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's database for a bundle's own tables. The service is there only while the database answers: a
 * component that references it starts after the database came up (a PostgreSQL that is down when Atelier boots is
 * waited for) — no polling of one's own.
 *
 * <p>Tables are made by numbered migrations, one list of statements each, recorded per component: migration N at
 * index N - 1. A released migration never changes; a new one is appended. Write SQL that both H2 and PostgreSQL
 * accept, and make each statement idempotent ({@code CREATE TABLE IF NOT EXISTS}, {@code ADD COLUMN IF NOT EXISTS}):
 * H2 commits DDL as it runs, so a migration cut half way must be safe to run again. Name tables after the component
 * ({@code medical_voice_profiles}) so that bundles never meet. The platform's own tables go through the same
 * migrations, as component {@code platform}.
 *
 * <pre>{@code
 * @Activate
 * public MyStore(@Reference VerticalStorage storage) throws SQLException {
 *     storage.migrate("acme.music", List.of(
 *             List.of("CREATE TABLE IF NOT EXISTS acme_music_songs (id VARCHAR(64) PRIMARY KEY, title TEXT)")));
 *     this.db = storage.dataSource();
 * }
 * }</pre>
 *
 * @since 1.0
 */
@ProviderType
public interface VerticalStorage {

    /**
     * Brings a component's tables up to date: runs, in one transaction each, the migrations after the last one
     * recorded for it. Migrations of several bundles run one at a time.
     *
     * @param component a stable name of the bundle's tables, lower case: {@code [a-z][a-z0-9_.-]{0,99}}, such as
     *        {@code medical.voice}; {@code platform} is the platform's own
     * @param migrations migration N at index N - 1, each a list of SQL statements
     * @return the component's schema version now, {@code migrations.size()} unless a newer bundle has been here
     * @throws IllegalArgumentException when the component's name is not allowed
     * @throws SQLException when a migration fails (its statements are rolled back where the database can)
     */
    int migrate(String component, List<List<String>> migrations) throws SQLException;

    /**
     * @param component a component's name, as given to {@link #migrate}
     * @return the version of its tables in the database, 0 when it has none
     * @throws SQLException when the database cannot say
     */
    int version(String component) throws SQLException;

    /**
     * @return the platform's database; connections come from its pool, close each one when done. Run JDBC on a
     *         thread that nobody interrupts: H2 closes its file when a thread is interrupted inside a read or write.
     */
    DataSource dataSource();
}
