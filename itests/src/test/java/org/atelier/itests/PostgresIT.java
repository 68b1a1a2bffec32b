package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The distribution on PostgreSQL by configuration alone: only {@code etc/org.ops4j.datasource-atelier.cfg} changes.
 * {@code .ci/postgres} starts a throw-away server and sets {@code ATELIER_TEST_POSTGRES_URL}; without it the test
 * is skipped. Each run works in a schema of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresIT extends AtelierTestSupport {

    static final String URL = System.getenv("ATELIER_TEST_POSTGRES_URL");

    private final List<Bundle> installed = new ArrayList<>();

    @Configuration
    public Option[] config() throws Exception {
        if (URL == null) {
            return baseConfig();
        }
        String schema = "it" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = new org.postgresql.Driver().connect(URL, new java.util.Properties());
             java.sql.Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String cfg = "etc/org.ops4j.datasource-atelier.cfg";
        List<Option> options = new ArrayList<>(Arrays.asList(baseConfig()));
        options.add(editConfigurationFilePut(cfg, "dataSourceName", "atelier"));
        options.add(editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"));
        options.add(editConfigurationFilePut(cfg, "url", URL + "&currentSchema=" + schema));
        options.add(editConfigurationFilePut(cfg, "pool", "dbcp2"));
        options.add(editConfigurationFilePut(cfg, "xa", "false"));
        return options.toArray(Option[]::new);
    }

    @After
    public void uninstall() throws Exception {
        for (Bundle b : installed) {
            b.uninstall();
        }
    }

    @Test
    public void jobsAndArtifactsGoToPostgres() throws Exception {
        Assume.assumeTrue("ATELIER_TEST_POSTGRES_URL is not set (.ci/postgres sets it)", URL != null);
        installed.add(installEcho("echo-a"));
        await("echo-a is listed", Duration.ofSeconds(30), () -> get("/itest/echo-a").statusCode() == 200);

        HttpResponse<String> run = post("/itest/echo-a", "application/json", "{\"text\":\"on postgres\",\"times\":1}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        String jobId = run.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1");
        String artifactId = run.body().replaceAll(".*\"artifacts\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        assertThat(new String(getBytes("/artifacts/" + artifactId).body(), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("on postgres\n");

        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class,
                "(dataSourceName=atelier)").iterator().next();
        DataSource db = bundleContext.getService(ref);
        try (Connection c = db.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            try (PreparedStatement p = c.prepareStatement(
                    "SELECT j.state, a.media_type FROM atelier_jobs j JOIN atelier_artifacts a ON a.job_id = j.id "
                            + "WHERE j.id = ?")) {
                p.setString(1, jobId);
                try (ResultSet r = p.executeQuery()) {
                    assertThat(r.next()).as("job " + jobId + " in PostgreSQL").isTrue();
                    assertThat(r.getString(1)).isEqualTo("succeeded");
                    assertThat(r.getString(2)).isEqualTo("text/plain");
                }
            }
        } finally {
            bundleContext.ungetService(ref);
        }
    }
}
