package org.atelier.runtime.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.GeneratorLimits;
import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;
import org.atelier.api.OverloadedException;
import org.atelier.runtime.ArtifactLabel;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorUnavailableException;
import org.atelier.runtime.InputTooLargeException;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobState;
import org.atelier.runtime.NoSuchGeneratorException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class GeneratorRegistryImplTest {

    public enum Tone { CALM, BRIGHT }

    public record Greeting(@NotBlank @Size(max = 40) String name, @NotNull @Min(1) @Max(5) Integer times,
                           Tone tone, List<@NotBlank String> tags) {
    }

    /** Writes the greeting as a text artifact and answers with its length. */
    static class GreetingGenerator implements Generator<Greeting> {
        private final String id;
        private final GeneratorLimits limits;
        volatile CountDownLatch entered;
        volatile CountDownLatch release;

        GreetingGenerator(String id, GeneratorLimits limits) {
            this.id = id;
            this.limits = limits;
        }

        @Override
        public GeneratorDescriptor<Greeting> descriptor() {
            return GeneratorDescriptor.builder("test", id, Greeting.class).title("Greeting")
                    .outputMediaTypes("text/plain").limits(limits).build();
        }

        @Override
        public Object generate(Greeting input, GenerationContext context) {
            if (entered != null) {
                entered.countDown();
            }
            try {
                if (release != null && !release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not released");
                }
                String text = ("Hello, " + input.name() + "! ").repeat(input.times());
                context.progress(0.5, "writing");
                context.writeArtifact("greeting.txt", "text/plain", text.getBytes(UTF_8));
                return java.util.Map.of("length", text.length());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @TempDir
    Path dir;
    MutableClock clock = new MutableClock();
    GeneratorRegistryImpl registry;

    javax.sql.DataSource db;

    /** A new, empty database for each test: H2 in memory here, PostgreSQL in {@link PostgresRegistryTest}. */
    javax.sql.DataSource newDatabase() throws Exception {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void setUp() throws Exception {
        db = newDatabase();
        registry = new GeneratorRegistryImpl(config(2, 1024, 10, 5), clock, dir, db);
    }

    @Test
    void afterARestartFinishedJobsAndArtifactsAreThereAndRunningOnesAreMarkedFailed() throws Exception {
        registry.add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT), 1, 0, "b", null);
        Job done = registry.invoke("test", "greet", body());
        Steps steps = new Steps();
        registry.add(steps, 2, 0, "b", null);
        Job running = registry.invoke("test", "steps", "{\"name\":\"a\",\"times\":2}".getBytes(UTF_8));
        assertThat(steps.started.await(5, TimeUnit.SECONDS)).isTrue();

        // a second platform on the same database and folder, as after a kill -9 and a start
        GeneratorRegistryImpl restarted = new GeneratorRegistryImpl(config(2, 1024, 10, 5), clock, dir, db);

        Job again = restarted.find(done.id()).orElseThrow();
        assertThat(again.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(again.result().get("length").asInt()).isEqualTo(12);
        assertThat(again.artifacts()).extracting(a -> a.sha256()).containsExactly(done.artifacts().get(0).sha256());
        assertThat(restarted.artifact(done.artifacts().get(0).id())).isPresent();
        assertThat(restarted.artifactLabel(done.artifacts().get(0).id()).orElseThrow().embedded()).isTrue();
        Job interrupted = restarted.find(running.id()).orElseThrow();
        assertThat(interrupted.state()).isEqualTo(JobState.FAILED);
        assertThat(interrupted.message()).isEqualTo(JobStore.INTERRUPTED);
        assertThat(interrupted.finished()).isNotNull();
        assertThat(restarted.list(null, null, 0, 10).total()).isEqualTo(2);
        steps.go.countDown();
    }

    /** Writes the name as raw bytes: a format without a label, so equal inputs share one content file. */
    static final class Blob implements Generator<Greeting> {
        @Override
        public GeneratorDescriptor<Greeting> descriptor() {
            return GeneratorDescriptor.builder("test", "blob", Greeting.class).title("Blob")
                    .outputMediaTypes("application/octet-stream").build();
        }

        @Override
        public Object generate(Greeting input, GenerationContext context) {
            try {
                context.writeArtifact("blob.bin", "application/octet-stream", input.name().repeat(100).getBytes(UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }
    }

    private Job blob(String name) {
        return registry.invoke("test", "blob", ("{\"name\":\"" + name + "\",\"times\":1}").getBytes(UTF_8));
    }

    private boolean fileOf(Job job) {
        return Files.isRegularFile(dir.resolve(job.artifacts().get(0).sha256()));
    }

    @Test
    void retentionRemovesOldJobsWithTheirArtifactsButKeepsAFileAnotherJobShares() throws Exception {
        TestConfig c = config(2, 1024, 10, 5);
        c.retentionDays = 7;
        registry.modified(c);
        registry.add(new Blob(), 1, 0, "b", null);
        Job old = blob("shared");
        Job oldAlone = blob("alone");
        clock.advance(6 * 86_400);
        Job recent = blob("shared");
        assertThat(recent.artifacts().get(0).sha256()).isEqualTo(old.artifacts().get(0).sha256());
        clock.advance(2 * 86_400);

        Retention.Swept swept = registry.sweep();

        assertThat(swept.jobs()).isEqualTo(2);
        assertThat(swept.artifacts()).isEqualTo(2);
        assertThat(swept.files()).isEqualTo(1);
        assertThat(swept.bytes()).isEqualTo(500);
        assertThat(registry.find(old.id())).isEmpty();
        assertThat(registry.find(oldAlone.id())).isEmpty();
        assertThat(registry.artifact(old.artifacts().get(0).id())).isEmpty();
        assertThat(fileOf(oldAlone)).as("the file only the old job used").isFalse();
        assertThat(fileOf(recent)).as("the file the recent job shares").isTrue();
        assertThat(registry.artifact(recent.artifacts().get(0).id())).isPresent();
        assertThat(registry.sweep().any()).as("a second sweep finds nothing").isFalse();
    }

    @Test
    void retentionKeepsTheNewestJobsWithinTheCountAndTheSizeLimits() throws Exception {
        registry.add(new Blob(), 1, 0, "b", null);
        List<Job> made = new java.util.ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            made.add(blob(name));
            clock.advance(60);
        }
        TestConfig c = config(2, 1024, 10, 5);
        c.maxJobsKept = 4;
        registry.modified(c);
        assertThat(registry.sweep().jobs()).isEqualTo(1);
        assertThat(registry.find(made.get(0).id())).isEmpty();

        c.maxArtifactBytes = 250; // two 100-byte files fit, a third does not
        assertThat(registry.sweep().files()).isEqualTo(2);
        assertThat(made.subList(1, 3)).allSatisfy(j -> assertThat(registry.find(j.id())).isEmpty());
        assertThat(made.subList(3, 5)).allSatisfy(j -> {
            assertThat(registry.find(j.id())).isPresent();
            assertThat(fileOf(j)).isTrue();
        });
    }

    @Test
    void leftoversOfACrashAreRemovedOnceOldButRecentOrReferencedFilesStay() throws Exception {
        registry.add(new Blob(), 1, 0, "b", null);
        Job kept = blob("kept");
        Path incoming = Files.writeString(dir.resolve(".incoming-1.tmp"), "half");
        Path orphan = Files.writeString(dir.resolve("ab".repeat(32)), "no record");
        Path young = Files.writeString(dir.resolve("cd".repeat(32)), "being written");
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofHours(2)));
        for (Path p : List.of(incoming, orphan, dir.resolve(kept.artifacts().get(0).sha256()))) {
            Files.setLastModifiedTime(p, longAgo);
        }

        int removed = new Retention(new Database(db), new ArtifactStore(dir, new Database(db)))
                .removeOrphans(java.time.Instant.now());

        assertThat(removed).isEqualTo(2);
        assertThat(incoming).doesNotExist();
        assertThat(orphan).doesNotExist();
        assertThat(young).exists();
        assertThat(fileOf(kept)).isTrue();
    }

    @Test
    void invokesAValidatedInputAndStoresItsArtifact() throws Exception {
        registry.add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT), 1, 0, "b", null);

        Job job = registry.invoke("test", "greet", "{\"name\":\"Ada\",\"times\":2}".getBytes(UTF_8));

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.result().get("length").asInt()).isEqualTo(24);
        assertThat(job.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("greeting.txt");
            String stored = Files.readString(dir.resolve(a.sha256()));
            assertThat(stored).startsWith("---\nAIGC: {\"Label\":\"1\",\"ContentProducer\":\"atelier-test\"")
                    .contains("AI-generated content").endsWith("Hello, Ada! Hello, Ada! ");
            assertThat(a.bytes()).isEqualTo(stored.getBytes(UTF_8).length);
            ArtifactLabel label = registry.artifactLabel(a.id()).orElseThrow();
            assertThat(label.embedded()).isTrue();
            assertThat(label.label().produceId()).isEqualTo(a.id());
            assertThat(label.label().reservedCode1()).isEqualTo("test/greet");
        });
        assertThat(registry.artifact(job.artifacts().get(0).id())).isPresent();
        assertThat(registry.artifact("../etc/passwd")).isEmpty();
    }

    @Test
    void aGeneratorOnTheQuietListGetsNoPerceivableLabelButStillTheImplicitOne() throws Exception {
        registry.add(new GreetingGenerator("quiet", GeneratorLimits.DEFAULT), 1, 0, "b", null);

        Job job = registry.invoke("test", "quiet", body());

        String stored = Files.readString(dir.resolve(job.artifacts().get(0).sha256()));
        assertThat(stored).startsWith("---\nAIGC: ").doesNotContain("AI-generated content");
        assertThat(registry.artifactLabel(job.artifacts().get(0).id()).orElseThrow().label().label()).isEqualTo("1");
    }

    @Test
    void contentThatIsNotWhatItsMediaTypeSaysIsRefused() {
        registry.add(new GreetingGenerator("liar", GeneratorLimits.DEFAULT) {
            @Override
            public Object generate(Greeting input, GenerationContext context) {
                try {
                    context.writeArtifact("fake.png", "image/png", "not a png".getBytes(UTF_8));
                    return null;
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, 1, 0, "b", null);

        Job job = registry.invoke("test", "liar", body());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.message()).contains("the content of fake.png is not valid image/png");
    }

    @Test
    void namesTheOffendingFieldForEveryKindOfBadInput() {
        registry.add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT), 1, 0, "b", null);

        assertThat(errors("")).containsExactly(new FieldError("", "request body is empty; a JSON object is expected"));
        assertThat(errors("[1]")).containsExactly(new FieldError("", "a JSON object is expected, not an array"));
        assertThat(errors("{\"name\":")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("malformed JSON at line 1"));
        assertThat(errors("{\"name\":\"a\",\"name\":\"b\",\"times\":1}")).singleElement()
                .satisfies(e -> assertThat(e.message()).endsWith("the field 'name' appears twice"));
        assertThat(errors("{\"name\":\"Ada\",\"times\":\"two\"}"))
                .containsExactly(new FieldError("times", "expected an integer, got a string"));
        assertThat(errors("{\"name\":\"Ada\",\"times\":2.5}")).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("times"));
        assertThat(errors("{\"name\":\"Ada\",\"times\":1,\"colour\":\"red\"}")).singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("colour");
                    assertThat(e.message()).startsWith("unknown field; known fields: name, tags, times, tone");
                });
        assertThat(errors("{\"name\":\"Ada\",\"times\":9}"))
                .containsExactly(new FieldError("times", "must be less than or equal to 5"));
        assertThat(errors("{\"times\":1}")).containsExactly(new FieldError("name", "must not be blank"));
        assertThat(errors("{\"name\":\"Ada\",\"times\":1,\"tone\":\"LOUD\"}"))
                .containsExactly(new FieldError("tone", "expected one of [CALM, BRIGHT], got \"LOUD\""));
        assertThat(errors("{\"name\":\"Ada\",\"times\":1,\"tags\":[\"ok\",\" \"]}")).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("tags[1].<list element>"));
        assertThat(errors("{\"name\":\"Ada\",\"times\":1} {}")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("malformed JSON"));
        for (String body : List.of("{\"name\":\"Ada\",\"times\":\"two\"}", "{\"name\":[],\"times\":1}",
                "{\"name\":\"Ada\",\"times\":1,\"tone\":7}")) {
            assertThat(errors(body)).allSatisfy(e -> assertThat(e.message()).doesNotContain("java.", "org.atelier"));
        }
    }

    @Test
    void describesItsInputAsJsonSchema() {
        registry.add(new GreetingGenerator("greet", GeneratorLimits.DEFAULT), 1, 0, "b", null);

        GeneratorInfo info = registry.describe("test", "greet");

        assertThat(info.inputSchema().get("type").asText()).isEqualTo("object");
        assertThat(info.inputSchema().get("additionalProperties").asBoolean()).isFalse();
        assertThat(info.inputSchema().get("required").toString()).contains("times");
        assertThat(info.inputSchema().at("/properties/times/maximum").asInt()).isEqualTo(5);
        assertThat(info.inputSchema().at("/properties/name/maxLength").asInt()).isEqualTo(40);
        assertThat(info.inputSchema().at("/properties/tone/enum").toString()).isEqualTo("[\"CALM\",\"BRIGHT\"]");
    }

    @Test
    void refusesBodiesOverTheLimitAndReservedVerticals() {
        registry.add(new GreetingGenerator("greet", GeneratorLimits.of(0, 64)), 1, 0, "b", null);

        assertThatThrownBy(() -> registry.invoke("test", "greet", new byte[65]))
                .isInstanceOf(InputTooLargeException.class);
        Generator<Greeting> reserved = new GreetingGenerator("x", GeneratorLimits.DEFAULT) {
            @Override
            public GeneratorDescriptor<Greeting> descriptor() {
                return GeneratorDescriptor.builder("jobs", "x", Greeting.class).build();
            }
        };
        assertThat(registry.add(reserved, 2, 0, "b", null)).isFalse();
        assertThat(registry.list()).extracting(GeneratorInfo::qualifiedId).containsExactly("test/greet");
    }

    @Test
    void refusesCallsBeyondTheConcurrencyLimit() throws Exception {
        GreetingGenerator g = gated("slow", GeneratorLimits.of(1, 0));
        registry.add(g, 1, 0, "b", null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Job> first = pool.submit(() -> registry.invoke("test", "slow", body()));
            assertThat(g.entered.await(5, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> registry.invoke("test", "slow", body()))
                    .isInstanceOf(OverloadedException.class);
            g.release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLeavingGeneratorFinishesItsCallThenAnswersUnavailableThenUnknown() throws Exception {
        GreetingGenerator g = gated("swap", GeneratorLimits.DEFAULT);
        registry.add(g, 7, 0, "b", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Job> running = pool.submit(() -> registry.invoke("test", "swap", body()));
            assertThat(g.entered.await(5, TimeUnit.SECONDS)).isTrue();
            Future<?> removal = pool.submit(() -> registry.remove(7));

            awaitGone("swap");
            assertThatThrownBy(() -> registry.invoke("test", "swap", body()))
                    .isInstanceOf(GeneratorUnavailableException.class);
            assertThat(removal.isDone()).as("removal waits for the running call").isFalse();
            g.release.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
            removal.get(5, TimeUnit.SECONDS);

            clock.advance(11);
            assertThatThrownBy(() -> registry.invoke("test", "swap", body()))
                    .isInstanceOf(NoSuchGeneratorException.class);
            g.entered = null;
            g.release = null;
            registry.add(g, 8, 0, "b", null);
            assertThat(registry.invoke("test", "swap", body()).state()).isEqualTo(JobState.SUCCEEDED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHighestRankedOfTwoEqualAddressesServesAndTheOtherTakesOver() {
        GreetingGenerator low = new GreetingGenerator("dup", GeneratorLimits.of(1, 0));
        GreetingGenerator high = new GreetingGenerator("dup", GeneratorLimits.of(2, 0));
        registry.add(low, 1, 0, "low", null);
        registry.add(high, 2, 10, "high", null);

        assertThat(registry.describe("test", "dup").bundle()).isEqualTo("high");
        registry.remove(2);
        assertThat(registry.describe("test", "dup").bundle()).isEqualTo("low");
        assertThat(registry.invoke("test", "dup", body()).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aGeneratorLeavingAfterNewLimitsStillLetsItsRunningCallFinish() throws Exception {
        GreetingGenerator g = gated("swap", GeneratorLimits.DEFAULT);
        registry.add(g, 7, 0, "b", null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Job> running = pool.submit(() -> registry.invoke("test", "swap", body()));
            assertThat(g.entered.await(5, TimeUnit.SECONDS)).isTrue();
            registry.modified(config(1, 1024, 10, 5));
            assertThatThrownBy(() -> registry.invoke("test", "swap", body()))
                    .as("the running call counts against the new limit of 1").isInstanceOf(OverloadedException.class);

            Future<?> removal = pool.submit(() -> registry.remove(7));
            awaitGone("swap");
            Thread.sleep(200);
            assertThat(removal.isDone()).as("removal waits for the call that began before the new limits").isFalse();
            g.release.countDown();
            assertThat(running.get(5, TimeUnit.SECONDS).state()).isEqualTo(JobState.SUCCEEDED);
            removal.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newLimitsApplyToGeneratorsAlreadyPresent() {
        registry.add(new GreetingGenerator("greet", GeneratorLimits.of(0, 64)), 1, 0, "b", null);
        assertThat(registry.describe("test", "greet").maxConcurrent()).isEqualTo(2);

        registry.modified(config(7, 32, 10, 5));

        assertThat(registry.describe("test", "greet").maxConcurrent()).isEqualTo(7);
        assertThat(registry.describe("test", "greet").maxInputBytes()).isEqualTo(32);
    }

    /** A long-running generator that reports progress in steps and stops when cancelled. */
    static class Steps implements Generator<Greeting> {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);

        @Override
        public GeneratorDescriptor<Greeting> descriptor() {
            return GeneratorDescriptor.builder("test", "steps", Greeting.class).longRunning(true)
                    .limits(GeneratorLimits.of(1, 0)).build();
        }

        @Override
        public Object generate(Greeting input, GenerationContext context) {
            started.countDown();
            try {
                for (int i = 1; i <= input.times(); i++) {
                    if (!go.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("not let go");
                    }
                    context.checkCancelled();
                    context.progress(i / (double) input.times(), "step " + i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return java.util.Map.of("steps", input.times());
        }
    }

    @Test
    void aGeneratorsOwnCheckRefusesAnInputBeforeAnyJobIsMade() throws Exception {
        Steps steps = new Steps() {
            @Override
            public void check(Greeting input) {
                if (input.name().equals("nobody")) {
                    throw new InvalidInputException("name", "there is nobody to greet");
                }
            }
        };
        registry.add(steps, 1, 0, "b", null);

        assertThatThrownBy(() -> registry.invoke("test", "steps", "{\"name\":\"nobody\",\"times\":1}"
                .getBytes(UTF_8))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("name"));
        assertThat(registry.list(null, null, null, 0, 10).total()).as("no job was made").isZero();
    }

    @Test
    void aLongRunningGeneratorRunsAsAJobThatCanBeFollowedListedAndCancelled() throws Exception {
        Steps steps = new Steps();
        registry.add(steps, 1, 0, "b", null);
        java.util.List<Job> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        Job queued = registry.invoke("test", "steps", "{\"name\":\"a\",\"times\":3}".getBytes(UTF_8));
        assertThat(queued.state()).isIn(JobState.QUEUED, JobState.RUNNING);
        registry.subscribe(queued.id(), seen::add);
        assertThat(steps.started.await(5, TimeUnit.SECONDS)).isTrue();
        // one worker, a queue of one: the second waits, the third is refused
        Job second = registry.invoke("test", "steps", "{\"name\":\"b\",\"times\":1}".getBytes(UTF_8));
        assertThat(second.state()).isEqualTo(JobState.QUEUED);
        assertThatThrownBy(() -> registry.invoke("test", "steps", body())).isInstanceOf(OverloadedException.class);
        assertThat(registry.cancel(second.id()).state()).isEqualTo(JobState.CANCELLED);
        assertThatThrownBy(() -> registry.cancel(second.id())).isInstanceOf(org.atelier.runtime.JobFinishedException.class);

        steps.go.countDown();
        awaitState(queued.id(), JobState.SUCCEEDED);
        assertThat(registry.find(queued.id()).orElseThrow().result().get("steps").asInt()).isEqualTo(3);
        assertThat(seen).extracting(Job::state).contains(JobState.RUNNING).last().isEqualTo(JobState.SUCCEEDED);
        assertThat(seen).extracting(Job::message).contains("step 1", "step 2");
        assertThat(registry.list(JobState.CANCELLED, "test/steps", 0, 10).jobs()).extracting(Job::id)
                .containsExactly(second.id());
        // the refused third is on record as failed
        assertThat(registry.list(JobState.FAILED, "test/steps", 0, 10).jobs()).singleElement()
                .satisfies(j -> assertThat(j.message()).contains("queue was full"));
        assertThat(registry.list(null, null, 0, 10).total()).isEqualTo(3);
        assertThatThrownBy(() -> registry.cancel("nope")).isInstanceOf(org.atelier.runtime.NoSuchJobException.class);
    }

    @Test
    void cancellingARunningJobStopsItsGeneratorAtItsNextLook() throws Exception {
        Steps steps = new Steps();
        registry.add(steps, 1, 0, "b", null);
        Job job = registry.invoke("test", "steps", "{\"name\":\"a\",\"times\":5}".getBytes(UTF_8));
        assertThat(steps.started.await(5, TimeUnit.SECONDS)).isTrue();

        registry.cancel(job.id());
        steps.go.countDown();

        awaitState(job.id(), JobState.CANCELLED);
    }

    /**
     * Writes one artifact, waits to be cancelled, then writes what it has (the last iterate) and starts an encode
     * that a cancel inside the encoder breaks off half-way.
     */
    static final class KeepsWhatItHas implements Generator<Greeting> {
        final CountDownLatch started = new CountDownLatch(1);

        @Override
        public GeneratorDescriptor<Greeting> descriptor() {
            return GeneratorDescriptor.builder("test", "keeps", Greeting.class).longRunning(true)
                    .limits(GeneratorLimits.of(1, 0)).build();
        }

        @Override
        public Object generate(Greeting input, GenerationContext context) {
            try {
                context.writeArtifact("first.txt", "text/plain", "before the cancel".getBytes(UTF_8));
                started.countDown();
                for (int i = 0; i < 1000 && !context.isCancelled(); i++) {
                    Thread.sleep(10);
                }
                context.writeArtifact("last.txt", "text/plain", "the last iterate".getBytes(UTF_8));
                try {
                    context.writeArtifact("video.bin", "application/octet-stream", out -> {
                        out.write(new byte[4096]);
                        context.checkCancelled(); // the encoder gives up half-way
                    });
                } catch (org.atelier.api.GenerationCancelledException e) {
                    // what it had stays; the half-written encode does not
                }
                return java.util.Map.of("iterations", 150);
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCancelledJobKeepsItsResultAndWhatItWroteMarkingWhatCameAfterTheCancelPartial() throws Exception {
        KeepsWhatItHas gen = new KeepsWhatItHas();
        registry.add(gen, 1, 0, "b", null);
        Job job = registry.invoke("test", "keeps", body());
        assertThat(gen.started.await(5, TimeUnit.SECONDS)).isTrue();

        registry.cancel(job.id());
        awaitState(job.id(), JobState.CANCELLED);

        Job cancelled = registry.find(job.id()).orElseThrow();
        assertThat(cancelled.result().get("iterations").asInt()).isEqualTo(150);
        assertThat(cancelled.artifacts()).extracting(ArtifactInfo::name, ArtifactInfo::partial)
                .containsExactly(tuple("first.txt", false), tuple("last.txt", true));
        assertThat(registry.artifact(cancelled.artifacts().get(1).id())).as("a partial artifact can be fetched")
                .isPresent();
        // read back from the database, as after a restart
        GeneratorRegistryImpl restarted = new GeneratorRegistryImpl(config(2, 1024, 10, 5), clock, dir, db);
        assertThat(restarted.find(job.id()).orElseThrow().artifacts())
                .extracting(ArtifactInfo::name, ArtifactInfo::partial)
                .containsExactly(tuple("first.txt", false), tuple("last.txt", true));
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("the broken-off encode left no temporary file").noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    private void awaitState(String jobId, JobState state) throws InterruptedException {
        for (int i = 0; i < 500 && registry.find(jobId).orElseThrow().state() != state; i++) {
            Thread.sleep(10);
        }
        assertThat(registry.find(jobId).orElseThrow().state()).isEqualTo(state);
    }

    @Test
    void aCrashingGeneratorFailsItsJobWithoutLeakingDetails() {
        registry.add(new GreetingGenerator("boom", GeneratorLimits.DEFAULT) {
            @Override
            public Object generate(Greeting input, GenerationContext context) {
                throw new NullPointerException();
            }
        }, 1, 0, "b", null);

        Job job = registry.invoke("test", "boom", body());

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.message()).isEqualTo("the generator failed: internal error (see the server log)");
    }

    /** A generator whose calls wait, once entered, until the test releases them. */
    private static GreetingGenerator gated(String id, GeneratorLimits limits) {
        GreetingGenerator g = new GreetingGenerator(id, limits);
        g.entered = new CountDownLatch(1);
        g.release = new CountDownLatch(1);
        return g;
    }

    private void awaitGone(String id) throws InterruptedException {
        for (int i = 0; i < 500 && registry.list().stream().anyMatch(g -> g.id().equals(id)); i++) {
            Thread.sleep(10);
        }
        assertThat(registry.list()).noneMatch(g -> g.id().equals(id));
    }

    private static byte[] body() {
        return "{\"name\":\"Ada\",\"times\":1}".getBytes(UTF_8);
    }

    private List<FieldError> errors(String body) {
        try {
            registry.invoke("test", "greet", body.getBytes(UTF_8));
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("no error for " + body);
    }

    static TestConfig config(int maxConcurrent, long maxInput, int grace, int drain) {
        TestConfig c = new TestConfig();
        c.maxConcurrent = maxConcurrent;
        c.maxInput = maxInput;
        c.grace = grace;
        c.drain = drain;
        return c;
    }

    /** The runtime's configuration, as ConfigAdmin would hand it over, with fields a test may change. */
    static final class TestConfig implements RuntimeConfig {
        int maxConcurrent;
        long maxInput;
        int grace;
        int drain;
        int maxJobsKept = 100;
        int maxSubJobDepth = 4;
        int maxProgressDetailsBytes = 4096;
        int retentionDays = 30;
        long maxArtifactBytes;

        @Override
        public Class<? extends Annotation> annotationType() {
            return RuntimeConfig.class;
        }

        @Override
        public int maxConcurrentPerGenerator() {
            return maxConcurrent;
        }

        @Override
        public long maxInputBytes() {
            return maxInput;
        }

        @Override
        public int departedGraceSeconds() {
            return grace;
        }

        @Override
        public int drainTimeoutSeconds() {
            return drain;
        }

        @Override
        public int maxSubJobDepth() {
            return maxSubJobDepth;
        }

        @Override
        public int maxProgressDetailsBytes() {
            return maxProgressDetailsBytes;
        }

        @Override
        public int databaseProbeSeconds() {
            return 2;
        }

        @Override
        public String artifactsDir() {
            return "";
        }

        @Override
        public int maxQueuedPerGenerator() {
            return 1;
        }

        @Override
        public int maxJobsKept() {
            return maxJobsKept;
        }

        @Override
        public int retentionDays() {
            return retentionDays;
        }

        @Override
        public long maxArtifactBytes() {
            return maxArtifactBytes;
        }

        @Override
        public int retentionSweepSeconds() {
            return 300;
        }

        @Override
        public String aigcContentProducer() {
            return "atelier-test";
        }

        @Override
        public boolean aigcExplicit() {
            return true;
        }

        @Override
        public String aigcExplicitOff() {
            return "test/quiet";
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-24T00:00:00Z");

        void advance(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
