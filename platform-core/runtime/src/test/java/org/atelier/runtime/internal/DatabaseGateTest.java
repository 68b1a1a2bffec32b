package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseGateTest {

    /** An H2 database that refuses its first {@code refusals} connections, as a PostgreSQL still starting does. */
    static DataSource startingDatabase(int refusals, AtomicInteger asked) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:gate" + System.nanoTime());
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("getConnection")) {
                if (asked.incrementAndGet() <= refusals) {
                    throw new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
                }
            }
            try {
                return method.invoke(h2, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (DataSource) Proxy.newProxyInstance(DatabaseGateTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, h);
    }

    @Test
    void aDatabaseThatComesUpLaterIsAskedAgainWithGrowingWaits() {
        AtomicInteger asked = new AtomicInteger();
        DataSource db = startingDatabase(6, asked);
        List<Duration> waits = new ArrayList<>();

        boolean open = DatabaseGate.waitFor(db, Duration.ofSeconds(1), Duration.ofSeconds(8), waits::add, () -> false);

        assertThat(open).isTrue();
        assertThat(asked.get()).isEqualTo(7);
        assertThat(waits).extracting(Duration::getSeconds).containsExactly(1L, 2L, 4L, 8L, 8L, 8L, 8L);
    }

    @Test
    void closingTheGateStopsTheWaiting() {
        AtomicInteger asked = new AtomicInteger();
        DataSource db = startingDatabase(Integer.MAX_VALUE, asked);
        AtomicInteger waits = new AtomicInteger();

        boolean open = DatabaseGate.waitFor(db, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> waits.incrementAndGet(),
                () -> waits.get() >= 3);

        assertThat(open).isFalse();
        assertThat(asked.get()).isEqualTo(2); // asked after the first two waits; the third wait ended it
    }

    @Test
    void anInterruptedWaitGivesUp() {
        AtomicInteger asked = new AtomicInteger();
        DataSource db = startingDatabase(Integer.MAX_VALUE, asked);

        boolean open = DatabaseGate.waitFor(db, Duration.ofSeconds(1), Duration.ofSeconds(30), d -> {
            throw new InterruptedException();
        }, () -> false);

        assertThat(open).isFalse();
        assertThat(asked.get()).isZero();
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    }
}
