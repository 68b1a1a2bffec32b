package org.atelier.runtime.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.GeneratorException;
import org.atelier.api.GeneratorLimits;
import org.atelier.api.GeneratorUnavailableException;
import org.atelier.api.InvalidInputException;
import org.atelier.api.JobStatus;
import org.atelier.api.NoSuchGeneratorException;
import org.atelier.api.UnsupportedInputException;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;
import org.atelier.runtime.internal.GeneratorRegistryImplTest.Greeting;
import org.atelier.runtime.internal.GeneratorRegistryImplTest.GreetingGenerator;
import org.atelier.runtime.internal.GeneratorRegistryImplTest.MutableClock;
import org.atelier.runtime.internal.GeneratorRegistryImplTest.TestConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Composition: a generator runs another as a sub-job (progress mapped, cancel passed down, typed refusals, listed
 * with its parent); progress details and previews; jobs started through the API's {@code Jobs} service.
 */
class SubJobsTest {

    /** A generator whose work is a function of the test's, long-running unless said otherwise. */
    static final class Composer implements Generator<Greeting> {
        private final GeneratorDescriptor<Greeting> descriptor;
        private final BiFunction<Greeting, GenerationContext, Object> body;

        Composer(String id, boolean longRunning, int maxConcurrent,
                 BiFunction<Greeting, GenerationContext, Object> body) {
            this.descriptor = GeneratorDescriptor.builder("test", id, Greeting.class).longRunning(longRunning)
                    .limits(GeneratorLimits.of(maxConcurrent, 0)).build();
            this.body = body;
        }

        @Override
        public GeneratorDescriptor<Greeting> descriptor() {
            return descriptor;
        }

        @Override
        public Object generate(Greeting input, GenerationContext context) {
            return body.apply(input, context);
        }
    }

    @TempDir
    Path dir;
    final MutableClock clock = new MutableClock();
    javax.sql.DataSource db;
    TestConfig config;
    GeneratorRegistryImpl registry;
    long nextService = 100;

    /** A new, empty database for each test: H2 in memory here, PostgreSQL in {@link PostgresSubJobsTest}. */
    javax.sql.DataSource newDatabase() throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void setUp() throws Exception {
        db = newDatabase();
        config = GeneratorRegistryImplTest.config(2, 4096, 10, 5);
        registry = new GeneratorRegistryImpl(config, clock, dir, db);
    }

    private long add(Generator<?> g) {
        long id = nextService++;
        assertThat(registry.add(g, id, 0, "test.bundle", null)).isTrue();
        return id;
    }

    private Job start(String id, String owner) {
        return registry.invoke("test", id, "{\"name\":\"Ada\",\"times\":2}".getBytes(UTF_8), owner);
    }

    private Job awaitFinished(String id) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Job j = registry.find(id).orElseThrow();
            if (j.state().finished()) {
                return j;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    @Test
    void aSubJobsProgressMapsIntoItsParentsRangeAndItIsListedWithItsParentAndOwner() throws Exception {
        CountDownLatch half = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        add(new Composer("child", false, 1, (in, ctx) -> {
            ctx.progress(0.5, "half way");
            half.countDown();
            await(goOn);
            try {
                ctx.writeArtifact("child.txt", "text/plain", ("Hi " + in.name()).getBytes(UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return Map.of("said", "Hi " + in.name());
        }));
        JobStatus[] got = new JobStatus[1];
        add(new Composer("parent", true, 1, (in, ctx) -> {
            ctx.progress(0.2, "warming up");
            got[0] = ctx.runGenerator("test/child", Map.of("name", "Bea", "times", 1), 0.5);
            return Map.of("child", got[0].id());
        }));

        Job parent = start("parent", "alice");
        List<Job> seen = new CopyOnWriteArrayList<>();
        AutoCloseable sub = registry.subscribe(parent.id(), seen::add);
        assertThat(half.await(5, TimeUnit.SECONDS)).isTrue();

        Job mid = registry.find(parent.id()).orElseThrow();
        assertThat(mid.progress()).as("0.2 + 0.5 × 0.5").isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mid.message()).isEqualTo("test/child: half way");
        JobService.Page running = registry.list(null, null, null, parent.id(), 0, 10);
        assertThat(running.jobs()).singleElement().satisfies(j -> {
            assertThat(j.generator()).isEqualTo("test/child");
            assertThat(j.state()).isEqualTo(JobState.RUNNING);
            assertThat(j.parent()).isEqualTo(parent.id());
            assertThat(j.owner()).as("the parent's owner").isEqualTo("alice");
            assertThat(j.progress()).isEqualTo(0.5);
        });
        goOn.countDown();
        Job done = awaitFinished(parent.id());
        sub.close();

        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(got[0].state()).isEqualTo(JobStatus.State.SUCCEEDED);
        assertThat(got[0].parent()).contains(parent.id());
        assertThat(got[0].owner()).contains("alice");
        assertThat(got[0].result()).isEqualTo(Map.of("said", "Hi Bea"));
        assertThat(got[0].location()).isEqualTo("/api/v1/jobs/" + got[0].id());
        assertThat(got[0].artifacts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("child.txt");
            assertThat(registry.artifactLabel(a.id()).orElseThrow().label().reservedCode1())
                    .as("labelled as its own generator's").isEqualTo("test/child");
            assertThat(registry.artifact(a.id()).orElseThrow().owner()).isEqualTo("alice");
        });
        assertThat(seen).extracting(Job::progress).as("never backwards").isSorted();
        assertThat(seen.stream().filter(j -> j.state() == JobState.RUNNING).mapToDouble(Job::progress).max()
                .orElseThrow()).as("the end of the sub-job's range").isCloseTo(0.7,
                        org.assertj.core.data.Offset.offset(1e-9));
        // listed as any job: by the owner, and by its parent; the parent has none
        Job child = registry.find(got[0].id()).orElseThrow();
        assertThat(child.parent()).isEqualTo(parent.id());
        assertThat(registry.list(null, "test/child", "alice", 0, 10).jobs()).extracting(Job::id)
                .containsExactly(got[0].id());
        assertThat(registry.list(null, null, null, parent.id(), 0, 10).jobs()).extracting(Job::id)
                .containsExactly(got[0].id());
        assertThat(done.parent()).isNull();
        // and still so after a restart, from the database
        GeneratorRegistryImpl restarted = new GeneratorRegistryImpl(config, clock, dir, db);
        assertThat(restarted.find(got[0].id()).orElseThrow().parent()).isEqualTo(parent.id());
        assertThat(restarted.list(null, null, null, parent.id(), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void cancellingTheParentCancelsItsSubJobWhichReturnsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        add(new Composer("forever", true, 1, (in, ctx) -> {
            started.countDown();
            while (!ctx.isCancelled()) {
                sleep(5);
            }
            ctx.checkCancelled();
            return null;
        }));
        JobStatus[] got = new JobStatus[1];
        add(new Composer("parent", true, 1, (in, ctx) -> {
            got[0] = ctx.runGenerator("test/forever", Map.of("name", "x", "times", 1), 1);
            return Map.of("sub", got[0].state().name());
        }));
        Job parent = start("parent", null);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        String childId = registry.list(null, null, null, parent.id(), 0, 10).jobs().get(0).id();

        registry.cancel(parent.id());

        assertThat(awaitFinished(parent.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(awaitFinished(childId).state()).isEqualTo(JobState.CANCELLED);
        assertThat(got[0].state()).isEqualTo(JobStatus.State.CANCELLED);
        assertThat(got[0].id()).isEqualTo(childId);
    }

    @Test
    void aSubJobOfACancelledJobDoesNotStart() throws Exception {
        List<String> outcome = new CopyOnWriteArrayList<>();
        add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT));
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        add(new Composer("parent", true, 1, (in, ctx) -> {
            ready.countDown();
            await(cancelled);
            try {
                ctx.runGenerator("test/greet", Map.of("name", "x", "times", 1), 0.5);
                outcome.add("ran");
            } catch (org.atelier.api.GenerationCancelledException e) {
                outcome.add("refused");
                throw e;
            }
            return null;
        }));
        Job parent = start("parent", null);
        assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
        registry.cancel(parent.id());
        cancelled.countDown();

        assertThat(awaitFinished(parent.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThat(outcome).containsExactly("refused");
        assertThat(registry.list(null, null, null, parent.id(), 0, 10).total()).isZero();
    }

    @Test
    void missingLeavingAndMisusedGeneratorsAreTypedRefusalsAndMakeNoSubJob() throws Exception {
        long greet = add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT));
        Map<String, Object> caught = new LinkedHashMap<>();
        CountDownLatch removed = new CountDownLatch(1);
        CountDownLatch firstTried = new CountDownLatch(1);
        add(new Composer("parent", true, 1, (in, ctx) -> {
            caught.put("unknown", attempt(() -> ctx.runGenerator("test/nobody", Map.of("name", "x", "times", 1), 1)));
            caught.put("malformed", attempt(() -> ctx.runGenerator("../etc", Map.of(), 1)));
            caught.put("invalid", attempt(() -> ctx.runGenerator("test/greet", Map.of("name", "x", "times", 99), 1)));
            caught.put("unknownField", attempt(() -> ctx.runGenerator("test/greet",
                    Map.of("name", "x", "times", 1, "colour", "red"), 1)));
            caught.put("notJson", attempt(() -> ctx.runGenerator("test/greet",
                    Map.of("name", new Object(), "times", 1), 1)));
            caught.put("null", attempt(() -> ctx.runGenerator("test/greet", null, 1)));
            caught.put("tooLarge", attempt(() -> ctx.runGenerator("test/greet",
                    Map.of("name", "x".repeat(5000), "times", 1), 1)));
            firstTried.countDown();
            await(removed);
            caught.put("leaving", attempt(() -> ctx.runGenerator("test/greet", Map.of("name", "x", "times", 1), 1)));
            return null;
        }));
        Job parent = start("parent", null);
        assertThat(firstTried.await(5, TimeUnit.SECONDS)).isTrue();
        registry.remove(greet);
        removed.countDown();
        assertThat(awaitFinished(parent.id()).state()).isEqualTo(JobState.SUCCEEDED);

        assertThat(caught.get("unknown")).isInstanceOf(NoSuchGeneratorException.class)
                .hasFieldOrPropertyWithValue("generator", "test/nobody");
        assertThat(caught.get("malformed")).isInstanceOf(NoSuchGeneratorException.class);
        assertThat(caught.get("invalid")).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) caught.get("invalid")).errors())
                .extracting(InvalidInputException.FieldError::field).containsExactly("times");
        assertThat(((InvalidInputException) caught.get("unknownField")).errors())
                .extracting(InvalidInputException.FieldError::field).containsExactly("colour");
        assertThat(caught.get("notJson")).isInstanceOf(InvalidInputException.class);
        assertThat(((Exception) caught.get("notJson")).getMessage()).doesNotContain("java.", "Exception");
        assertThat(caught.get("null")).isInstanceOf(InvalidInputException.class);
        assertThat(((Exception) caught.get("tooLarge")).getMessage()).contains("larger than its limit of 4096 bytes");
        assertThat(caught.get("leaving")).isInstanceOf(GeneratorUnavailableException.class);
        assertThat(((GeneratorUnavailableException) caught.get("leaving")).retryAfterSeconds()).isPositive();
        assertThat(registry.list(null, null, null, parent.id(), 0, 10).total()).as("no sub-job was made").isZero();
    }

    @Test
    void whatASubGeneratorThrowsReachesTheParentAndACrashIsAFailedStatus() throws Exception {
        add(new Composer("picky", false, 1, (in, ctx) -> {
            throw new UnsupportedInputException("no voice speaks " + in.name());
        }));
        add(new Composer("broken", false, 1, (in, ctx) -> {
            throw new IllegalStateException("bug");
        }));
        Map<String, Object> caught = new LinkedHashMap<>();
        add(new Composer("parent", true, 1, (in, ctx) -> {
            caught.put("picky", attempt(() -> ctx.runGenerator("test/picky", Map.of("name", "tlh", "times", 1), 0.5)));
            caught.put("broken", ctx.runGenerator("test/broken", Map.of("name", "x", "times", 1), 0.5));
            return null;
        }));
        Job parent = start("parent", null);
        assertThat(awaitFinished(parent.id()).state()).isEqualTo(JobState.SUCCEEDED);

        assertThat(caught.get("picky")).isInstanceOfSatisfying(UnsupportedInputException.class,
                e -> assertThat(e).hasMessage("no voice speaks tlh"));
        JobStatus broken = (JobStatus) caught.get("broken");
        assertThat(broken.state()).isEqualTo(JobStatus.State.FAILED);
        assertThat(broken.message()).contains("the generator failed: bug");
        assertThat(registry.list(null, null, null, parent.id(), 0, 10).jobs()).extracting(Job::generator,
                Job::state).containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("test/picky",
                        JobState.FAILED), org.assertj.core.groups.Tuple.tuple("test/broken", JobState.FAILED));
    }

    @Test
    void aGeneratorThatRunsItselfNestsToTheConfiguredDepthWithoutWaitingForItsOwnWorker() throws Exception {
        config.maxSubJobDepth = 2;
        registry.modified(config);
        List<Object> refusals = new CopyOnWriteArrayList<>();
        // one worker only: a sub-job that queued for it would wait for ever
        add(new Composer("self", true, 1, (in, ctx) -> {
            try {
                JobStatus s = ctx.runGenerator("test/self", Map.of("name", in.name() + "+", "times", 1), 0.5);
                return Map.of("depth", ((Map<?, ?>) s.result()).get("depth") instanceof Integer d ? d + 1 : -1);
            } catch (UnsupportedInputException e) {
                refusals.add(e.getMessage());
                return Map.of("depth", 0);
            }
        }));
        Job root = start("self", "carol");

        Job done = awaitFinished(root.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.result().get("depth").asInt()).isEqualTo(2);
        assertThat(refusals).singleElement().asString().contains("maxSubJobDepth");
        assertThat(registry.list(null, "test/self", "carol", 0, 10).total()).as("root and two levels").isEqualTo(3);
    }

    @Test
    void progressDetailsAndAPreviewThatReplacesTheLastTravelWithTheJobAndStayAfterIt() throws Exception {
        byte[] png1 = png(java.awt.Color.BLACK);
        byte[] png2 = png(java.awt.Color.WHITE);
        List<String> previewIds = new ArrayList<>();
        Map<String, Object> refused = new LinkedHashMap<>();
        CountDownLatch shown = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        add(new Composer("design", true, 1, (in, ctx) -> {
            try {
                ctx.progress(0.1, "iteration 1", Map.of("iteration", 1, "compliance", 210.5));
                previewIds.add(ctx.preview("density.png", "image/png", png1).id());
                ctx.progress(0.5, "iteration 2", Map.of("iteration", 2, "compliance", 180.25, "stage",
                        "grid 1/2", "mesh", List.of(60, 20)));
                previewIds.add(ctx.preview("density.png", "image/png", png2).id());
                ctx.progress(0.6, "no details: the last ones stay");
                refused.put("object", attempt(() -> {
                    ctx.progress(0.7, "x", Map.of("bad", new Object()));
                    return null;
                }));
                refused.put("nan", attempt(() -> {
                    ctx.progress(0.7, "x", Map.of("compliance", Double.NaN));
                    return null;
                }));
                refused.put("large", attempt(() -> {
                    ctx.progress(0.7, "x", Map.of("log", "y".repeat(5000)));
                    return null;
                }));
                refused.put("deep", attempt(() -> {
                    ctx.progress(0.7, "x", Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", 1))))));
                    return null;
                }));
                refused.put("stl", attempt(() -> ctx.preview("design.stl", "model/stl", new byte[84])));
                refused.put("path", attempt(() -> ctx.preview("../x.png", "image/png", png1)));
                ctx.writeArtifact("design.png", "image/png", png2);
                shown.countDown();
                await(goOn);
                return Map.of("ok", true);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }));
        Job job = start("design", "dan");
        assertThat(shown.await(5, TimeUnit.SECONDS)).isTrue();

        Job mid = registry.find(job.id()).orElseThrow();
        assertThat(mid.details().size()).as("the second report's details replaced the first's").isEqualTo(4);
        assertThat(mid.details().get("iteration").asInt()).isEqualTo(2);
        assertThat(mid.details().get("compliance").asDouble()).isEqualTo(180.25);
        assertThat(mid.details().get("stage").asText()).isEqualTo("grid 1/2");
        assertThat(mid.details().get("mesh").toString()).isEqualTo("[60,20]");
        assertThat(mid.message()).isEqualTo("no details: the last ones stay");
        assertThat(mid.preview().id()).isEqualTo(previewIds.get(1));
        assertThat(mid.artifacts()).extracting(ArtifactInfo::name).as("the preview is not an artifact of the job")
                .containsExactly("design.png");
        assertThat(registry.artifact(previewIds.get(0))).as("the replaced preview is gone").isEmpty();
        assertThat(registry.artifact(previewIds.get(1)).orElseThrow().owner()).isEqualTo("dan");
        assertThat(registry.artifactLabel(previewIds.get(1)).orElseThrow().embedded())
                .as("a preview is labelled like every artifact").isTrue();

        assertThat(refused.get("object")).isInstanceOf(IllegalArgumentException.class)
                .extracting(Object::toString).asString().contains("bad is not a JSON value");
        assertThat(refused.get("nan")).isInstanceOf(IllegalArgumentException.class);
        assertThat(refused.get("large")).isInstanceOf(IllegalArgumentException.class).extracting(Object::toString)
                .asString().contains("maxProgressDetailsBytes");
        assertThat(refused.get("deep")).isInstanceOf(IllegalArgumentException.class);
        assertThat(refused.get("stl")).isInstanceOf(IllegalArgumentException.class);
        assertThat(refused.get("path")).isInstanceOf(IllegalArgumentException.class);

        goOn.countDown();
        Job done = awaitFinished(job.id());
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.details().get("iteration").asInt()).isEqualTo(2);
        assertThat(done.preview().id()).isEqualTo(previewIds.get(1));
        // from the database, as after a restart
        GeneratorRegistryImpl restarted = new GeneratorRegistryImpl(config, clock, dir, db);
        Job again = restarted.find(job.id()).orElseThrow();
        assertThat(again.details().get("compliance").asDouble()).isEqualTo(180.25);
        assertThat(again.preview()).isNotNull().extracting(ArtifactInfo::id).isEqualTo(previewIds.get(1));
        assertThat(again.artifacts()).extracting(ArtifactInfo::name).containsExactly("design.png");
        assertThat(restarted.artifact(previewIds.get(0))).isEmpty();
    }

    @Test
    void jobsStartedThroughTheApiServiceAreOrdinaryOwnedJobs() throws Exception {
        add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT));
        CountDownLatch go = new CountDownLatch(1);
        add(new Composer("slow", true, 1, (in, ctx) -> {
            await(go);
            return Map.of("name", in.name());
        }));

        JobStatus quick = registry.submit("test/greet", Map.of("name", "Eve", "times", 2), "erin");
        assertThat(quick.state()).as("a short generator runs at once").isEqualTo(JobStatus.State.SUCCEEDED);
        assertThat(quick.result()).isEqualTo(Map.of("length", 24));
        assertThat(quick.artifacts()).extracting(org.atelier.api.Artifact::name).containsExactly("greeting.txt");
        assertThat(quick.owner()).contains("erin");
        assertThat(quick.parent()).isEmpty();

        JobStatus queued = registry.submit("test/slow", Map.of("name", "Fay", "times", 1), "erin");
        assertThat(queued.state()).isIn(JobStatus.State.QUEUED, JobStatus.State.RUNNING);
        assertThat(queued.location()).isEqualTo("/api/v1/jobs/" + queued.id());
        assertThat(registry.find(queued.id(), "erin")).isPresent();
        assertThat(registry.find(queued.id(), "frank")).as("another key's job is not found").isEmpty();
        assertThat(registry.find(queued.id(), null)).isPresent();
        assertThat(registry.find("nope", null)).isEmpty();
        go.countDown();
        awaitFinished(queued.id());
        JobStatus finished = registry.find(queued.id(), "erin").orElseThrow();
        assertThat(finished.state()).isEqualTo(JobStatus.State.SUCCEEDED);
        assertThat(finished.result()).isEqualTo(Map.of("name", "Fay"));
        assertThat(registry.list(null, "test/slow", "erin", 0, 10).total()).isEqualTo(1);

        assertThatThrownBy(() -> registry.submit("test/none", Map.of(), "erin"))
                .isInstanceOf(NoSuchGeneratorException.class);
        assertThatThrownBy(() -> registry.submit("no-slash", Map.of(), "erin"))
                .isInstanceOf(NoSuchGeneratorException.class);
        assertThatThrownBy(() -> registry.submit("test/greet", Map.of("name", "", "times", 1), "erin"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(InvalidInputException.FieldError::field).containsExactly("name"));
        assertThatThrownBy(() -> registry.submit("test/greet", Map.of("name", "x".repeat(5000), "times", 1), "e"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("4096 bytes");
    }

    /** @return what the call answered, or the refusal it threw */
    private static Object attempt(java.util.concurrent.Callable<?> call) {
        try {
            return call.call();
        } catch (GeneratorException | IllegalArgumentException | java.io.IOException e) {
            return e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] png(java.awt.Color colour) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 64,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
