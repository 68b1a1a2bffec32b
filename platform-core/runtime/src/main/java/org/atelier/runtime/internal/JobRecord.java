package org.atelier.runtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.atelier.runtime.Job;
import org.atelier.runtime.JobState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/** A job as it changes; listeners see every change. Guarded by itself. */
final class JobRecord {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecord.class);

    final String id;
    final String generator;
    final Instant created;
    final String owner;
    /** The job this one is a sub-job of, {@code null} for a job of its own. */
    final String parent;
    private final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();
    private JobState state = JobState.QUEUED;
    private String message;
    private JsonNode result;
    private Instant finished;
    private JobContext context;
    private volatile Consumer<Job> onStateChange = j -> { };

    JobRecord(String id, String generator, Instant created, String owner) {
        this(id, generator, created, owner, null);
    }

    JobRecord(String id, String generator, Instant created, String owner, String parent) {
        this.id = id;
        this.owner = owner;
        this.parent = parent;
        this.generator = generator;
        this.created = created;
    }

    /** Who is told of every state change (not of progress): the store, which writes it down. */
    void onStateChange(Consumer<Job> persist) {
        this.onStateChange = persist;
    }

    synchronized Job snapshot() {
        JobContext c = context;
        double progress = state == JobState.SUCCEEDED ? 1.0 : c == null ? 0 : c.progress();
        String m = message != null || c == null ? message : c.message();
        return new Job(id, generator, state, progress, m, result, c == null ? List.of() : c.artifacts(), created,
                finished, owner, parent, c == null ? null : c.details(), c == null ? null : c.preview());
    }

    synchronized JobState state() {
        return state;
    }

    /** @return {@code false} when the job was cancelled before it could start */
    synchronized boolean running(JobContext c) {
        if (state.finished()) {
            return false;
        }
        this.context = c;
        this.state = JobState.RUNNING;
        persist();
        changed();
        return true;
    }

    private void persist() {
        try {
            onStateChange.accept(snapshot());
        } catch (RuntimeException e) {
            LOG.error("Job {} could not be written to the database", id, e);
        }
    }

    /** Called by the context on progress. */
    void progressed() {
        changed();
    }

    synchronized void finish(JobState end, String endMessage, JsonNode endResult, Instant at) {
        if (state.finished()) {
            return;
        }
        this.state = end;
        this.message = endMessage;
        this.result = endResult;
        this.finished = at;
        persist();
        changed();
        listeners.clear();
    }

    /** Asks a running job's generator to stop; a queued job is cancelled at once. */
    synchronized boolean cancel(Instant at) {
        if (state.finished()) {
            return false;
        }
        if (context != null) {
            context.cancel();
            return true;
        }
        finish(JobState.CANCELLED, "cancelled before it started", null, at);
        return true;
    }

    /**
     * Tells the listener the job as it is now, then every change, in order: the first state and the changes are
     * delivered under the job's lock, so a change made while a listener subscribes never reaches it before the
     * (older) state it starts from.
     */
    synchronized AutoCloseable subscribe(Consumer<Job> listener) {
        Job now = snapshot();
        if (!now.state().finished()) {
            listeners.add(listener);
        }
        deliver(listener, now);
        return () -> listeners.remove(listener);
    }

    private synchronized void changed() {
        if (listeners.isEmpty()) {
            return;
        }
        Job now = snapshot();
        for (Consumer<Job> l : listeners) {
            deliver(l, now);
        }
    }

    private static void deliver(Consumer<Job> listener, Job job) {
        try {
            listener.accept(job);
        } catch (RuntimeException e) {
            LOG.debug("A job listener failed", e);
        }
    }
}
