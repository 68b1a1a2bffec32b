package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.atelier.api.storage.VerticalStorage;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentLogTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheDocumentsOfEachOwnerAcrossARestart() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("db"));
        ${generatorClass}Generator generator = new ${generatorClass}Generator();
        generator.log = new DocumentLog(new H2Storage(h2));

        Object first = generator.generate(new ${generatorClass}Input("One", List.of("a b"), null), new RecordingContext());
        assertThat(first).extracting("documents").isEqualTo(1);

        // a restart: the bundle comes back on the same database, the table and its row are still there
        generator.log = new DocumentLog(new H2Storage(h2));
        assertThat(generator.log.count("")).isEqualTo(1);
        generator.log.record("job-2", "", "Two", 3);
        generator.log.record("job-2", "", "Two", 3); // a retry is kept once
        assertThat(generator.log.count("")).isEqualTo(2);
        assertThat(generator.log.count("someone-else")).isZero();
    }

    /** The platform's storage, as far as this test needs it: the migrations, run once each, on H2. */
    private record H2Storage(DataSource dataSource) implements VerticalStorage {
        @Override
        public int migrate(String component, List<List<String>> migrations) throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (List<String> migration : migrations) {
                    for (String sql : migration) {
                        s.execute(sql); // idempotent, as the platform asks
                    }
                }
            }
            return migrations.size();
        }

        @Override
        public int version(String component) {
            return 0;
        }
    }
}
