package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** {@code /health/ready} asks the database, and says which one fails, within a bounded time. */
class DatabaseProbeTest {

    private final DatabaseProbe probe = new DatabaseProbe();

    @Test
    void aDatabaseThatAnswersIsReady() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:probe-ok");
        assertThat(probe.problem(h2, "atelier", Duration.ofSeconds(2))).isNull();
    }

    @Test
    void aDatabaseThatIsGoneIsNamed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // nothing listens there once closed
        }
        JdbcDataSource gone = new JdbcDataSource();
        gone.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/atelier");
        assertThat(probe.problem(gone, "atelier", Duration.ofSeconds(2)))
                .startsWith("database atelier fails: ").contains("Connection refused");
    }

    @Test
    void aDatabaseThatHangsIsReportedOnceTheProbeTimeIsUp() throws Exception {
        // a server that takes the TCP connection and never says a word: the H2 client waits for its handshake
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            JdbcDataSource hangs = new JdbcDataSource();
            hangs.setURL("jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/atelier");
            assertThat(probe.problem(hangs, "atelier", Duration.ofSeconds(1)))
                    .isEqualTo("database atelier did not answer within 1 s");
            assertThat(probe.problem(hangs, "atelier", Duration.ofSeconds(1)))
                    .as("the question still waiting is not asked again").isEqualTo(
                            "database atelier did not answer within 1 s");
        }
    }

    @Test
    void noDataSourceIsNamedToo() {
        assertThat(probe.problem(null, "atelier", Duration.ofSeconds(2)))
                .startsWith("database atelier has no data source");
    }

    @Test
    void notReadyIsAProblemThatListsWhatIsNotReady() {
        List<String> problems = List.of("database atelier did not answer within 2 s");
        assertThat(HealthResource.notReadyBody(problems))
                .containsEntry("type", Rest.PROBLEM_BASE + "not-ready")
                .containsEntry("status", 503)
                .containsEntry("detail", "database atelier did not answer within 2 s")
                .containsEntry("problems", problems);
    }
}
