package org.atelier.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Numbered schema migrations for a bundle's own tables in the platform's database (the {@code dataSourceName=atelier}
 * service), recorded per component in {@code atelier_component_schema}. A released migration never changes; a new
 * one is appended. Write SQL that both H2 and PostgreSQL accept, idempotent ({@code IF NOT EXISTS}): H2 commits DDL
 * as it runs, so a half-applied migration must be safe to run again.
 */
public final class SchemaMigrations {

    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");
    /** One migration at a time in this JVM. */
    private static final Object MIGRATING = new Object();

    private SchemaMigrations() {
    }

    /**
     * Brings the component's tables up to date.
     *
     * @param component a stable name, such as {@code medical.voice}
     * @param migrations migration N at index N - 1, each a list of statements
     * @return the schema version now
     */
    public static int migrate(DataSource dataSource, String component, List<List<String>> migrations)
            throws SQLException {
        Objects.requireNonNull(dataSource, "dataSource");
        if (component == null || !COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("component must match " + COMPONENT + ": " + component);
        }
        synchronized (MIGRATING) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS atelier_component_schema (component VARCHAR(100) NOT NULL, "
                            + "version INTEGER NOT NULL, applied TIMESTAMP WITH TIME ZONE NOT NULL, "
                            + "PRIMARY KEY (component, version))");
                }
                int current = 0;
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT COALESCE(MAX(version), 0) FROM atelier_component_schema WHERE component = ?")) {
                    p.setString(1, component);
                    try (ResultSet r = p.executeQuery()) {
                        if (r.next()) {
                            current = r.getInt(1);
                        }
                    }
                }
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    for (int v = current + 1; v <= migrations.size(); v++) {
                        try (Statement s = c.createStatement()) {
                            for (String sql : migrations.get(v - 1)) {
                                s.execute(sql);
                            }
                        }
                        try (PreparedStatement p = c.prepareStatement(
                                "INSERT INTO atelier_component_schema (component, version, applied) VALUES (?, ?, ?)")) {
                            p.setString(1, component);
                            p.setInt(2, v);
                            p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                            p.executeUpdate();
                        }
                        c.commit();
                        current = v;
                    }
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
                return current;
            }
        }
    }
}
