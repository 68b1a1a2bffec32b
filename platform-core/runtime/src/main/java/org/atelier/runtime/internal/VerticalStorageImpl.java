package org.atelier.runtime.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.atelier.api.storage.VerticalStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The platform's database for the verticals' tables, there once the database answers ({@link DatabaseGate}). Their
 * migrations run through the same loop as the platform's ({@link Migrations}), on the database's own threads.
 */
@Component(service = VerticalStorage.class)
public final class VerticalStorageImpl implements VerticalStorage {

    private final DataSource dataSource;
    private final Database database;

    @Activate
    public VerticalStorageImpl(@Reference(target = "(dataSourceName=atelier)") DataSource dataSource,
            @Reference DatabaseGate.Ready ready) throws SQLException {
        this(dataSource);
    }

    /** Outside OSGi (tests of bundles that keep tables): on a database that answers. */
    public VerticalStorageImpl(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.database = new Database(dataSource);
    }

    @Override
    public int migrate(String component, List<List<String>> migrations) throws SQLException {
        Migrations.check(component);
        if (Migrations.PLATFORM.equals(component)) {
            throw new IllegalArgumentException("component '" + Migrations.PLATFORM + "' is the platform's own");
        }
        List<List<String>> copy = new ArrayList<>();
        for (List<String> m : migrations) {
            copy.add(List.copyOf(m));
        }
        return database.call(c -> Migrations.migrate(c, component, copy));
    }

    @Override
    public int version(String component) throws SQLException {
        Migrations.check(component);
        return database.call(c -> Migrations.version(c, component));
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }
}
