#set( $table = "${vertical}_${generator}_documents" )
#set( $table = $table.replace('-', '_').replace('.', '_') )
package ${package}.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.atelier.api.storage.VerticalStorage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The documents written, one row each, in this bundle's own table in the platform's database: the sample of a
 * vertical's storage. The component starts once the database answers (the platform registers
 * {@link VerticalStorage} only then). Append a migration for a new column; never change a released one.
 */
@Component(service = DocumentLog.class)
public class DocumentLog {

    static final String COMPONENT = "${vertical}.${generator}";
    static final List<List<String>> MIGRATIONS = List.of(List.of(
            "CREATE TABLE IF NOT EXISTS ${table} (job_id VARCHAR(64) PRIMARY KEY, owner VARCHAR(64) NOT NULL, "
                    + "title VARCHAR(300) NOT NULL, words INTEGER NOT NULL)"));

    private final DataSource db;

    @Activate
    public DocumentLog(@Reference VerticalStorage storage) throws SQLException {
        storage.migrate(COMPONENT, MIGRATIONS);
        this.db = storage.dataSource();
    }

    /** Keeps a document; a job written twice (a retry) is kept once. */
    void record(String jobId, String owner, String title, int words) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(
                "INSERT INTO ${table} (job_id, owner, title, words) SELECT ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM ${table} WHERE job_id = ?)")) {
            p.setString(1, jobId);
            p.setString(2, owner);
            p.setString(3, title.length() > 300 ? title.substring(0, 300) : title);
            p.setInt(4, words);
            p.setString(5, jobId);
            p.executeUpdate();
        }
    }

    /** @return how many documents this owner (an API key's id, {@code ""} for the shell) has had written */
    int count(String owner) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(
                "SELECT COUNT(*) FROM ${table} WHERE owner = ?")) {
            p.setString(1, owner);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
