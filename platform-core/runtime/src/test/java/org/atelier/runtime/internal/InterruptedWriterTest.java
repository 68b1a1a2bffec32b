package org.atelier.runtime.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.atelier.runtime.ArtifactInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job worker interrupted while it writes (cancellation, a bundle leaving) must not wedge the database: H2 reads
 * and writes its file through NIO channels, which an interrupt closes.
 */
class InterruptedWriterTest {

    /** Artifacts the interrupted worker writes; without the fix a run of 40 fails as surely as one of 200. */
    static final int WRITES = 40;

    @TempDir
    Path dir;

    @Test
    void aWorkerInterruptedMidWriteLeavesTheDatabaseWorkingForEveryoneElse() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db/atelier"));
        ArtifactStore store = new ArtifactStore(dir.resolve("artifacts"), new Database(ds));
        JobContext job = new JobContext("j1", store,
                new ArtifactStore.Labelling("atelier", "medical/voice", true), () -> { });
        AtomicInteger written = new AtomicInteger();
        AtomicInteger interruptedWhileWriting = new AtomicInteger();
        AtomicBoolean done = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            try {
                for (int i = 0; i < WRITES; i++) {
                    try {
                        job.writeArtifact("part-" + i + ".txt", "text/plain", ("part " + i).getBytes(UTF_8));
                        written.incrementAndGet();
                    } catch (RuntimeException | java.io.IOException e) {
                        // an interrupted file write may fail this one artifact; the database must not
                    }
                    if (Thread.interrupted()) {
                        interruptedWhileWriting.incrementAndGet();
                    }
                }
            } finally {
                done.set(true);
            }
        }, "interrupted-worker");
        worker.start();
        while (!done.get()) {
            worker.interrupt();
            // a pause between interrupts: one storm of them kept the worker (and the test) busy for a minute; one
            // every 0.2 ms still lands inside H2's file accesses of an unprotected writer
            LockSupport.parkNanos(200_000);
        }
        worker.join();

        assertThat(interruptedWhileWriting.get()).as("the worker was interrupted while it wrote").isPositive();
        JobContext after = new JobContext("j2", store,
                new ArtifactStore.Labelling("atelier", "medical/voice", true), () -> { });
        after.writeArtifact("after.txt", "text/plain", "after the interrupts".getBytes(UTF_8));
        assertThat(store.byJobs(List.of("j2")).get("j2")).extracting(ArtifactInfo::name).containsExactly("after.txt");
        assertThat(store.byJobs(List.of("j1")).get("j1")).as("every artifact the worker recorded is readable")
                .hasSize(written.get());
    }
}
