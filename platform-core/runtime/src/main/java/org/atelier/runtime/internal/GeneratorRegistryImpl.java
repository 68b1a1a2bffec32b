package org.atelier.runtime.internal;

import java.io.IOException;
import java.sql.SQLException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.atelier.api.GenerationCancelledException;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.GeneratorException;
import org.atelier.api.InvalidInputException;
import org.atelier.api.JobStatus;
import org.atelier.api.Jobs;
import org.atelier.api.OverloadedException;
import org.atelier.api.UnsupportedInputException;
import org.atelier.runtime.ArtifactLabel;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.atelier.runtime.GeneratorUnavailableException;
import org.atelier.runtime.JobFinishedException;
import org.atelier.runtime.JobService;
import org.atelier.runtime.NoSuchJobException;
import org.atelier.runtime.InputTooLargeException;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobState;
import org.atelier.runtime.NoSuchGeneratorException;
import org.atelier.runtime.StoredArtifact;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every {@link Generator} service and calls them. Generators with the same address are ranked by service
 * ranking, then age; the best one serves. A generator that leaves refuses new calls (503), lets running ones finish
 * within the drain timeout, and keeps answering 503 for a grace period (it may be coming back from an update)
 * before its address is unknown (404).
 */
@Component(service = {GeneratorRegistry.class, JobService.class, Jobs.class}, immediate = true,
        configurationPid = RuntimeConfig.PID)
@Designate(ocd = RuntimeConfig.class)
public final class GeneratorRegistryImpl implements GeneratorRegistry, JobService, Jobs {

    /** Paths of the platform's own REST resources: no vertical may take them. */
    static final List<String> RESERVED_VERTICALS = List.of("api", "artifacts", "health", "inference", "jobs",
            "keys", "metrics", "models", "openapi", "openapi.json", "verticals");

    private static final Logger LOG = LoggerFactory.getLogger(GeneratorRegistryImpl.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Comparator<Slot> BEST_FIRST = Comparator.comparingInt((Slot s) -> -s.ranking)
            .thenComparingLong(s -> s.serviceId);

    private final Map<String, List<Slot>> slots = new ConcurrentHashMap<>();
    private final Map<String, Instant> departed = new ConcurrentHashMap<>();
    private final InputBinder binder = new InputBinder();
    private final Clock clock;
    private final ArtifactStore store;
    private final JobStore jobs;
    private final Retention retention;
    private volatile RuntimeConfig config;
    private volatile java.util.concurrent.ScheduledExecutorService sweeper;

    @Activate
    public GeneratorRegistryImpl(RuntimeConfig config, BundleContext context,
                                 @Reference(target = "(dataSourceName=atelier)") DataSource dataSource,
                                 @Reference DatabaseGate.Ready databaseAnswers)
            throws IOException, SQLException {
        this(config, Clock.systemUTC(), artifactsDir(config, context), dataSource);
        sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atelier-retention");
            t.setDaemon(true);
            return t;
        });
        sweeper.execute(() -> {
            try {
                retention.removeOrphans(clock.instant());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Leftover artifact files could not be removed", e);
            }
        });
        scheduleSweep(5);
    }

    private void scheduleSweep(long delaySeconds) {
        java.util.concurrent.ScheduledExecutorService s = sweeper;
        if (s == null || s.isShutdown()) {
            return;
        }
        try {
            s.schedule(() -> {
                try {
                    sweep();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("The retention sweep failed; it runs again later", e);
                } finally {
                    scheduleSweep(Math.max(1, config.retentionSweepSeconds()));
                }
            }, delaySeconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // deactivated meanwhile
        }
    }

    /** Applies the retention limits now: age, number of jobs, total size of artifacts. */
    Retention.Swept sweep() throws IOException {
        RuntimeConfig c = config;
        return retention.sweep(new Retention.Limits(java.time.Duration.ofDays(Math.max(0, c.retentionDays())),
                c.maxJobsKept(), c.maxArtifactBytes()), clock.instant());
    }

    GeneratorRegistryImpl(RuntimeConfig config, Clock clock, Path artifactsDir, DataSource dataSource)
            throws IOException, SQLException {
        this.config = config;
        this.clock = clock;
        Database db = new Database(dataSource);
        this.store = new ArtifactStore(artifactsDir, db);
        this.jobs = new JobStore(db, store, clock.instant());
        this.retention = new Retention(db, store);
    }

    private static Path artifactsDir(RuntimeConfig config, BundleContext context) {
        if (!config.artifactsDir().isBlank()) {
            return Path.of(config.artifactsDir());
        }
        String data = context.getProperty("karaf.data");
        return data != null ? Path.of(data, "atelier", "artifacts") : context.getDataFile("artifacts").toPath();
    }

    /** New limits apply to every generator at once, counting the calls already running. */
    @Modified
    void modified(RuntimeConfig newConfig) {
        this.config = newConfig;
        for (List<Slot> list : slots.values()) {
            list.forEach(this::applyLimits);
        }
    }

    private void applyLimits(Slot s) {
        s.limits(effectiveMaxConcurrent(s.descriptor), effectiveMaxInput(s.descriptor));
    }

    private int effectiveMaxConcurrent(GeneratorDescriptor<?> d) {
        int max = Math.max(1, config.maxConcurrentPerGenerator());
        return d.limits().maxConcurrent() > 0 ? Math.min(max, d.limits().maxConcurrent()) : max;
    }

    private long effectiveMaxInput(GeneratorDescriptor<?> d) {
        long max = Math.max(1, config.maxInputBytes());
        return d.limits().maxInputBytes() > 0 ? Math.min(max, d.limits().maxInputBytes()) : max;
    }

    @Deactivate
    void deactivate() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        for (List<Slot> list : slots.values()) {
            list.forEach(Slot::shutdown);
        }
        binder.close();
    }

    @Reference(service = Generator.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addGenerator(Generator<?> generator, ServiceReference<Generator<?>> ref) {
        Bundle bundle = ref.getBundle();
        ClassLoader loader = null;
        String bundleName = "?";
        if (bundle != null) {
            bundleName = bundle.getSymbolicName();
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            loader = wiring == null ? null : wiring.getClassLoader();
        }
        Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
        add(generator, (Long) ref.getProperty(Constants.SERVICE_ID),
                ranking instanceof Integer r ? r : 0, bundleName, loader);
    }

    void removeGenerator(Generator<?> generator, ServiceReference<Generator<?>> ref) {
        remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    /** Adds a generator; a descriptor that cannot be served is logged and ignored. */
    boolean add(Generator<?> generator, long serviceId, int ranking, String bundle, ClassLoader loader) {
        GeneratorDescriptor<?> d;
        try {
            d = generator.descriptor();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Generator service {} from {} failed to describe itself; ignored", serviceId, bundle, e);
            return false;
        }
        if (d == null) {
            LOG.error("Generator service {} from {} has no descriptor; ignored", serviceId, bundle);
            return false;
        }
        if (RESERVED_VERTICALS.contains(d.vertical())) {
            LOG.error("Generator {} from {} uses the reserved vertical name '{}'; ignored", d.qualifiedId(), bundle,
                    d.vertical());
            return false;
        }
        Slot slot = new Slot(generator, d, serviceId, ranking, bundle, loader, effectiveMaxConcurrent(d),
                effectiveMaxInput(d));
        slots.compute(d.qualifiedId(), (k, list) -> {
            List<Slot> next = list == null ? new ArrayList<>() : new ArrayList<>(list);
            next.add(slot);
            next.sort(BEST_FIRST);
            if (next.size() > 1) {
                LOG.warn("{} is registered {} times; service {} from {} serves it", k, next.size(),
                        next.get(0).serviceId, next.get(0).bundle);
            }
            return List.copyOf(next);
        });
        departed.remove(d.qualifiedId());
        // the configuration may have changed while the slot was made
        applyLimits(slot);
        LOG.info("Generator {} from {} is available", d.qualifiedId(), bundle);
        return true;
    }

    /** Removes a generator: it refuses new calls at once and its running calls may finish. */
    void remove(long serviceId) {
        String qid = null;
        for (List<Slot> list : slots.values()) {
            for (Slot s : list) {
                if (s.serviceId == serviceId) {
                    qid = s.qualifiedId();
                }
            }
        }
        if (qid == null) {
            return;
        }
        RuntimeConfig c = config;
        // the 503 window opens before the slot disappears, so no caller sees a 404 in between
        departed.put(qid, clock.instant().plusSeconds(Math.max(0, c.departedGraceSeconds())));
        Slot[] removed = new Slot[1];
        slots.computeIfPresent(qid, (k, list) -> {
            List<Slot> next = new ArrayList<>(list.size());
            for (Slot s : list) {
                if (s.serviceId == serviceId) {
                    removed[0] = s;
                } else {
                    next.add(s);
                }
            }
            return next.isEmpty() ? null : List.copyOf(next);
        });
        if (slots.containsKey(qid)) {
            departed.remove(qid);
        }
        Slot gone = removed[0];
        if (gone == null) {
            return;
        }
        try {
            if (!gone.drain(Math.max(0, c.drainTimeoutSeconds()), TimeUnit.SECONDS)) {
                LOG.warn("Generator {} left with {} calls still running after {} s; cancelling its jobs", qid,
                        gone.inFlight(), c.drainTimeoutSeconds());
                gone.running.forEach(r -> r.cancel(clock.instant()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gone.shutdown();
        LOG.info("Generator {} from {} is gone", qid, gone.bundle);
    }

    @Override
    public List<GeneratorInfo> list() {
        List<GeneratorInfo> out = new ArrayList<>();
        for (List<Slot> list : slots.values()) {
            if (!list.isEmpty()) {
                out.add(info(list.get(0), false));
            }
        }
        out.sort(Comparator.comparing(GeneratorInfo::vertical).thenComparing(GeneratorInfo::id));
        return out;
    }

    @Override
    public GeneratorInfo describe(String vertical, String id) {
        return info(active(vertical, id), true);
    }

    private GeneratorInfo info(Slot s, boolean withSchema) {
        GeneratorDescriptor<?> d = s.descriptor;
        return new GeneratorInfo(d.vertical(), d.id(), d.title(), d.description(),
                s.leaving() ? "draining" : "ready", d.outputMediaTypes(), d.longRunning(), s.maxConcurrent,
                s.maxInputBytes, s.bundle, withSchema ? s.schema(binder) : null);
    }

    private Slot active(String vertical, String id) {
        String qid = vertical + "/" + id;
        List<Slot> list = slots.get(qid);
        if (list != null && !list.isEmpty()) {
            return list.get(0);
        }
        Instant until = departed.get(qid);
        if (until != null) {
            Instant now = clock.instant();
            if (now.isBefore(until)) {
                throw new GeneratorUnavailableException(qid, (int) Math.max(1, until.getEpochSecond() - now.getEpochSecond()));
            }
            departed.remove(qid, until);
        }
        throw new NoSuchGeneratorException(qid);
    }

    @Override
    public Job invoke(String vertical, String id, byte[] json, String owner) {
        Slot slot = active(vertical, id);
        Object input = prepare(slot, json);
        if (slot.descriptor.longRunning()) {
            return submit(slot, input, owner);
        }
        switch (slot.tryEnter()) {
            case LEAVING -> throw new GeneratorUnavailableException(slot.qualifiedId(), 1);
            case BUSY -> throw new OverloadedException(
                    slot.qualifiedId() + " is running " + slot.maxConcurrent + " calls already", 1);
            default -> { }
        }
        try {
            JobRecord record = newRecord(slot, owner);
            run(slot, input, record);
            return record.snapshot();
        } finally {
            slot.exit();
        }
    }

    /**
     * Everything asked of an input before a job is made for it, whoever calls (REST, the shell, a sub-job, a
     * vertical's resource): its size, binding and validation, the generator's own check.
     *
     * @return the bound input
     */
    private Object prepare(Slot slot, byte[] json) {
        if (json != null && json.length > slot.maxInputBytes) {
            throw new InputTooLargeException(slot.maxInputBytes);
        }
        Object input = binder.bind(json, slot.descriptor.inputType());
        check(slot, input);
        return input;
    }

    /** The generator's own check of the input, with its bundle's class loader as context, as for a call. */
    private static void check(Slot slot, Object input) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (slot.loader != null) {
            thread.setContextClassLoader(slot.loader);
        }
        try {
            slot.generator.check(input);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Queues a long-running call and answers at once with the queued job. */
    private Job submit(Slot slot, Object input, String owner) {
        JobRecord record = newRecord(slot, owner);
        try {
            slot.executor(config.maxQueuedPerGenerator()).execute(() -> {
                if (record.state().finished()) {
                    return;
                }
                if (!slot.enterJob()) {
                    record.finish(JobState.FAILED, "the generator left before the job started; run it again",
                            null, clock.instant());
                    return;
                }
                slot.running.add(record);
                try {
                    run(slot, input, record);
                } catch (GeneratorException e) {
                    record.finish(JobState.FAILED, e.getMessage(), null, clock.instant());
                } finally {
                    slot.running.remove(record);
                    slot.exit();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            record.finish(JobState.FAILED, "refused: the generator's queue was full", null, clock.instant());
            if (slot.leaving()) {
                throw new GeneratorUnavailableException(slot.qualifiedId(), 1);
            }
            throw new OverloadedException(slot.qualifiedId() + " has " + config.maxQueuedPerGenerator()
                    + " jobs waiting already", 5);
        }
        return record.snapshot();
    }

    private JobRecord newRecord(Slot slot, String owner) {
        return newRecord(slot, owner, null);
    }

    private JobRecord newRecord(Slot slot, String owner, String parent) {
        JobRecord record = new JobRecord(newJobId(), slot.qualifiedId(), clock.instant(), owner, parent);
        record.onStateChange(jobs::changed);
        jobs.add(record);
        return record;
    }

    /** Runs a call on this thread and records how it ended; invalid input and the like are rethrown. */
    private void run(Slot slot, Object input, JobRecord record) {
        run(slot, input, record, newContext(slot, record, 0, record::progressed));
    }

    private JobContext newContext(Slot slot, JobRecord record, int depth, Runnable onChange) {
        RuntimeConfig c = config;
        boolean explicit = c.aigcExplicit() && java.util.Arrays.stream(c.aigcExplicitOff().split(","))
                .map(String::trim).noneMatch(slot.qualifiedId()::equals);
        return new JobContext(record.id, record.owner, depth, Math.max(0, c.maxProgressDetailsBytes()), store,
                new ArtifactStore.Labelling(c.aigcContentProducer(), slot.qualifiedId(), explicit), onChange,
                this::runSubJob);
    }

    /** Runs a call in the given context on this thread and records how it ended. */
    private void run(Slot slot, Object input, JobRecord record, JobContext context) {
        if (!record.running(context)) {
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (slot.loader != null) {
            thread.setContextClassLoader(slot.loader);
        }
        try {
            Object result = slot.generator.generate(input, context);
            if (context.isCancelled()) {
                record.finish(JobState.CANCELLED, "cancelled", binder.toJson(result), clock.instant());
            } else {
                record.finish(JobState.SUCCEEDED, null, binder.toJson(result), clock.instant());
            }
        } catch (GenerationCancelledException e) {
            record.finish(JobState.CANCELLED, "cancelled", null, clock.instant());
        } catch (GeneratorException e) {
            record.finish(JobState.FAILED, e.getMessage(), null, clock.instant());
            throw e;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Generator {} failed in job {}", slot.qualifiedId(), record.id, e);
            record.finish(JobState.FAILED, "the generator failed: " + safeMessage(e), null, clock.instant());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs a sub-job of {@code parent} on the parent's own thread: it takes no worker and no queue place of the
     * sub-generator, so a parent never waits for a worker that it or another parent holds, and chains of sub-jobs
     * cannot deadlock on the bounded pools. The sub-job counts among the sub-generator's calls in flight (a leaving
     * generator drains it, and cancels it past the drain timeout) but not against its {@code maxConcurrent}: its
     * budget is its parent's worker. Nesting is bounded by {@code maxSubJobDepth}.
     */
    private JobStatus runSubJob(JobContext parent, String generator, Map<String, ?> input, double share) {
        RuntimeConfig c = config;
        int depth = parent.depth() + 1;
        if (depth > Math.max(0, c.maxSubJobDepth())) {
            throw new UnsupportedInputException("sub-jobs may nest " + c.maxSubJobDepth() + " deep at most "
                    + "(maxSubJobDepth); " + generator + " would be " + depth + " deep");
        }
        String[] address = address(generator);
        Slot slot = active(address[0], address[1]);
        String owner = parent.owner().orElse(null);
        Object bound;
        try {
            bound = prepare(slot, json(input));
        } catch (InputTooLargeException e) {
            throw new InvalidInputException("", "the input of " + slot.qualifiedId() + " is larger than its limit of "
                    + e.limit() + " bytes");
        }
        if (!slot.enterJob()) {
            throw new GeneratorUnavailableException(slot.qualifiedId(), 1);
        }
        double start = parent.progress();
        double span = Double.isNaN(share) ? 0 : Math.max(0, Math.min(share, 1 - start));
        String qid = slot.qualifiedId();
        JobContext[] child = new JobContext[1];
        JobRecord record;
        try {
            record = newRecord(slot, owner, parent.jobId());
        } catch (RuntimeException e) {
            slot.exit();
            throw e;
        }
        child[0] = newContext(slot, record, depth, () -> {
            record.progressed();
            JobContext sub = child[0];
            String m = sub.message();
            parent.progress(start + span * sub.progress(), qid + ": " + (m == null ? "running" : m));
        });
        parent.adopt(child[0]);
        slot.running.add(record);
        try {
            run(slot, bound, record, child[0]);
        } finally {
            slot.running.remove(record);
            parent.release(child[0]);
            slot.exit();
        }
        Job done = record.snapshot();
        if (done.state() == JobState.SUCCEEDED) {
            parent.progress(start + span, qid + ": done");
        }
        return status(done);
    }

    /** @return {@code [vertical, id]} of an address {@code vertical/id}; a malformed one is no generator */
    private static String[] address(String generator) {
        String[] parts = generator == null ? new String[0] : generator.split("/", -1);
        if (parts.length != 2 || !GeneratorDescriptor.NAME.matcher(parts[0]).matches()
                || !GeneratorDescriptor.NAME.matcher(parts[1]).matches()) {
            throw new NoSuchGeneratorException(String.valueOf(generator));
        }
        return parts;
    }

    /** An input given as JSON values, written as the body a request would carry. */
    private byte[] json(Map<String, ?> input) {
        if (input == null) {
            throw new InvalidInputException("", "an input is needed: a JSON object");
        }
        try {
            return binder.mapper().writeValueAsBytes(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidInputException("", "the input cannot be written as JSON: give JSON values (maps, "
                    + "lists, strings, numbers, booleans, null)");
        }
    }

    private JobStatus status(Job job) {
        return new JobStatusView(job, binder.mapper());
    }

    @Override
    public JobStatus submit(String generator, Map<String, ?> input, String owner) {
        String[] address = address(generator);
        byte[] json = json(input);
        try {
            return status(invoke(address[0], address[1], json, owner));
        } catch (InputTooLargeException e) {
            throw new InvalidInputException("", "the input is larger than the limit of " + e.limit() + " bytes of "
                    + generator);
        }
    }

    @Override
    public Optional<JobStatus> find(String id, String owner) {
        if (id == null) {
            return Optional.empty();
        }
        return find(id).filter(j -> owner == null || owner.equals(j.owner())).map(this::status);
    }

    @Override
    public Page list(JobState state, String generator, String owner, String parent, int offset, int limit) {
        return jobs.list(state, generator, owner, parent, Math.max(0, offset), Math.max(0, limit));
    }

    @Override
    public Optional<Job> find(String id) {
        return jobs.find(id);
    }

    @Override
    public Page list(JobState state, String generator, String owner, int offset, int limit) {
        return jobs.list(state, generator, owner, Math.max(0, offset), Math.max(0, limit));
    }

    @Override
    public Job cancel(String id) {
        JobRecord r = jobs.live(id);
        if (r == null) {
            throw jobs.find(id).<RuntimeException>map(JobFinishedException::new)
                    .orElseGet(() -> new NoSuchJobException(id));
        }
        if (!r.cancel(clock.instant())) {
            throw new JobFinishedException(r.snapshot());
        }
        return r.snapshot();
    }

    @Override
    public AutoCloseable subscribe(String id, java.util.function.Consumer<Job> listener) {
        JobRecord r = jobs.live(id);
        if (r == null) {
            // finished (or unknown): the listener gets the job once, as it ended
            listener.accept(jobs.find(id).orElseThrow(() -> new NoSuchJobException(id)));
            return () -> { };
        }
        return r.subscribe(listener);
    }

    /** The message of an unexpected error without class names; details go to the log only. */
    static String safeMessage(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.length() > 300 || m.contains("Exception") || m.contains("\tat ")) {
            return "internal error (see the server log)";
        }
        return m;
    }

    @Override
    public Optional<StoredArtifact> artifact(String id) {
        return store.find(id);
    }

    @Override
    public Optional<ArtifactLabel> artifactLabel(String id) {
        try {
            return store.label(id);
        } catch (IOException e) {
            LOG.warn("The label of artifact {} cannot be read", id, e);
            return Optional.empty();
        }
    }

    private static String newJobId() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return "j" + HexFormat.of().formatHex(b);
    }
}
