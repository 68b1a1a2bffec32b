package org.atelier.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.ArtifactLabel;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;
import org.atelier.runtime.StoredArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code atelier:run} when Ctrl-C interrupts it: the shell interrupts the command's thread; the shell's output is an
 * interruptible channel, as in Karaf, so a command that leaves its thread interrupted and prints closes it for good.
 */
class RunCommandTest {

    static final byte[] PNG = "the last iterate".getBytes(UTF_8);

    @TempDir
    Path dir;

    /** One job, running until it is cancelled; cancelling ends it with the result and artifact it kept. */
    static final class OneJob implements JobService, GeneratorRegistry {
        final CountDownLatch followed = new CountDownLatch(1);
        final List<String> cancelled = new CopyOnWriteArrayList<>();
        final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();
        volatile Job job = job(JobState.RUNNING, null, List.of());

        static Job job(JobState state, ObjectNode result, List<ArtifactInfo> artifacts) {
            return new Job("j1", "industrial/topology", state, 0.35, state == JobState.RUNNING ? "iteration 63"
                    : "cancelled", result, artifacts, Instant.EPOCH, state.finished() ? Instant.EPOCH : null, null);
        }

        @Override
        public Optional<Job> find(String id) {
            return Optional.of(job);
        }

        @Override
        public Page list(JobState state, String generator, String owner, int offset, int limit) {
            return new Page(List.of(job), 1);
        }

        @Override
        public Job cancel(String id) {
            cancelled.add(id);
            ObjectNode result = new ObjectMapper().createObjectNode();
            result.put("compliance", 190.92114);
            result.put("iterations", 150);
            result.put("stopReason", "cancelled");
            ArrayNode history = result.putArray("history");
            for (int i = 1; i <= 150; i++) {
                history.addObject().put("iteration", i).put("compliance", 200.0 - i / 10.0);
            }
            job = job(JobState.CANCELLED, result, List.of(new ArtifactInfo("a1", "design.png", "image/png",
                    PNG.length, "00", true)));
            listeners.forEach(l -> l.accept(job));
            return job;
        }

        @Override
        public AutoCloseable subscribe(String id, Consumer<Job> listener) {
            listeners.add(listener);
            listener.accept(job);
            followed.countDown();
            return () -> listeners.remove(listener);
        }

        @Override
        public List<GeneratorInfo> list() {
            return List.of(describe("industrial", "topology"));
        }

        @Override
        public GeneratorInfo describe(String vertical, String id) {
            return new GeneratorInfo(vertical, id, "Topology", "", "available", List.of("image/png"), true, 1, 1 << 20,
                    "b", new ObjectMapper().createObjectNode());
        }

        @Override
        public Job invoke(String vertical, String id, byte[] json, String owner) {
            return job;
        }

        @Override
        public Optional<StoredArtifact> artifact(String id) {
            return Optional.of(new StoredArtifact() {
                @Override
                public ArtifactInfo info() {
                    return job.artifacts().get(0);
                }

                @Override
                public InputStream open() {
                    return new ByteArrayInputStream(PNG);
                }
            });
        }

        @Override
        public Optional<ArtifactLabel> artifactLabel(String id) {
            return Optional.empty();
        }
    }

    /** What a run interrupted by Ctrl-C printed, and whether the shell's output still works after it. */
    record Interrupted(String printed, boolean outputOpen, boolean leftInterrupted) {
    }

    private Interrupted interrupt(RunCommand command, OneJob jobs) throws Exception {
        Path console = dir.resolve("console.txt");
        PrintStream before = System.out;
        AtomicBoolean leftInterrupted = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        try (FileChannel channel = FileChannel.open(console, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            System.setOut(new PrintStream(Channels.newOutputStream(channel), true, UTF_8));
            Thread shell = new Thread(() -> {
                try {
                    command.execute();
                } catch (Throwable e) {
                    failed.set(e);
                }
                leftInterrupted.set(Thread.currentThread().isInterrupted());
                System.out.println("the next command's output");
            });
            shell.start();
            assertThat(jobs.followed.await(10, TimeUnit.SECONDS)).isTrue();
            // Ctrl-C while it waits for the job's next change, where a following command spends its time (Ctrl-C in
            // the microseconds of a write closes the channel whatever the command does: Java's channels are so)
            while (shell.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            shell.interrupt();
            shell.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(shell.isAlive()).as("the command returned").isFalse();
            assertThat(failed.get()).isNull();
            return new Interrupted(Files.readString(console, UTF_8), channel.isOpen(), leftInterrupted.get());
        } finally {
            System.setOut(before);
        }
    }

    private RunCommand command(OneJob jobs) {
        RunCommand command = new RunCommand();
        command.registry = jobs;
        command.jobs = jobs;
        command.generator = List.of("industrial/topology");
        command.input = "{\"preset\":\"mbb\"}";
        command.out = dir.resolve("out").toString();
        return command;
    }

    @Test
    void ctrlCCancelsTheJobWritesWhatItKeptAndTheShellStillPrints() throws Exception {
        OneJob jobs = new OneJob();

        Interrupted run = interrupt(command(jobs), jobs);

        assertThat(jobs.cancelled).containsExactly("j1");
        assertThat(run.outputOpen()).as("the shell's output channel is still open").isTrue();
        assertThat(run.leftInterrupted()).isFalse();
        assertThat(run.printed()).contains("Ctrl-C: job j1 cancelled; it keeps what it had")
                .containsPattern("(?m)^job j1 cancelled$").contains("the next command's output")
                .containsPattern("iterations +150").containsPattern("compliance +190.921\\b")
                .contains("history     150 entries (--full shows them)")
                .contains("design.png  (image/png, 16 bytes, partial)");
        assertThat(run.printed().lines()).as("a summary, not the history").hasSizeLessThan(15);
        assertThat(dir.resolve("out/design.png")).hasBinaryContent(PNG);
    }

    @Test
    void withKeepRunningCtrlCLeavesTheJobRunningAndSaysHowToFollowIt() throws Exception {
        OneJob jobs = new OneJob();
        RunCommand command = command(jobs);
        command.keepRunning = true;

        Interrupted run = interrupt(command, jobs);

        assertThat(jobs.cancelled).isEmpty();
        assertThat(run.outputOpen()).isTrue();
        assertThat(run.printed()).contains("Ctrl-C: job j1 runs on")
                .contains("follow it with atelier:job j1; atelier:job --out DIR j1 writes its artifacts")
                .contains("the next command's output");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
