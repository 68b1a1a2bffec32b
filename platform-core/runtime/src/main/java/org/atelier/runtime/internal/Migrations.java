package org.atelier.runtime.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one migration loop of the platform's database: numbered migrations per component, recorded in
 * {@code atelier_component_schema}; the platform's own tables are component {@link #PLATFORM}, a bundle's are its
 * own (through {@link org.atelier.api.storage.VerticalStorage}). A home made before the platform's tables moved here
 * recorded them in {@code atelier_schema}; their versions are taken over the first time, so nothing runs twice.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** The platform's own tables. */
    public static final String PLATFORM = "platform";
    static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9_.-]{0,99}");
    /** One migration at a time in this JVM: the registry, the key store and the verticals all migrate as they start. */
    private static final Object MIGRATING = new Object();

    private Migrations() {
    }

    /**
     * Brings the component's tables up to date, one transaction a migration.
     *
     * @param migrations migration N at index N - 1, each a list of statements
     * @return the schema version now
     */
    public static int migrate(Connection c, String component, List<List<String>> migrations) throws SQLException {
        Objects.requireNonNull(migrations, "migrations");
        check(component);
        synchronized (MIGRATING) {
            table(c);
            if (PLATFORM.equals(component)) {
                adoptLegacy(c);
            }
            int current = version(c, component);
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (int v = current + 1; v <= migrations.size(); v++) {
                    try (Statement s = c.createStatement()) {
                        for (String sql : migrations.get(v - 1)) {
                            s.execute(sql);
                        }
                    }
                    record(c, component, v);
                    c.commit();
                    current = v;
                    LOG.info("Tables of {} migrated to version {}", component, v);
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
            return current;
        }
    }

    /** @return the component's version, 0 when it has no tables */
    public static int version(Connection c, String component) throws SQLException {
        check(component);
        if (!exists(c, "atelier_component_schema")) {
            return 0;
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM atelier_component_schema WHERE component = ?")) {
            p.setString(1, component);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    static void check(String component) {
        if (component == null || !COMPONENT.matcher(component).matches()) {
            throw new IllegalArgumentException("component must match " + COMPONENT + ": " + component);
        }
    }

    private static void table(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS atelier_component_schema (component VARCHAR(100) NOT NULL, "
                    + "version INTEGER NOT NULL, applied TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "PRIMARY KEY (component, version))");
        }
    }

    /** The versions a home made by an earlier platform recorded in {@code atelier_schema}, taken over once. */
    private static void adoptLegacy(Connection c) throws SQLException {
        if (!exists(c, "atelier_schema") || version(c, PLATFORM) > 0) {
            return;
        }
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO atelier_component_schema (component, version, "
                + "applied) SELECT ?, version, applied FROM atelier_schema")) {
            p.setString(1, PLATFORM);
            int n = p.executeUpdate();
            c.commit();
            if (n > 0) {
                LOG.info("The platform's {} migrations recorded in atelier_schema are now component '{}''s", n,
                        PLATFORM);
            }
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void record(Connection c, String component, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO atelier_component_schema (component, version, applied) VALUES (?, ?, ?)")) {
            p.setString(1, component);
            p.setInt(2, version);
            p.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            p.executeUpdate();
        }
    }

    /** H2 keeps unquoted names in upper case, PostgreSQL in lower case: ask for both. */
    private static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData m = c.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(java.util.Locale.ROOT)}) {
            try (ResultSet r = m.getTables(null, null, name, new String[] {"TABLE"})) {
                if (r.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
