package org.atelier.rest.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * One client's Server-Sent Events of one job: an event {@code progress} at every change, {@code state} when it ends,
 * then the stream is closed. The job's subscription is given up as soon as the stream is over: when the job ends, when
 * a send fails (the client went away) or when the sink is found closed, so a client that disconnects from a long job
 * leaves nothing behind at the job's next change.
 */
final class JobEventStream implements Consumer<Job> {
    private static final Logger LOG = LoggerFactory.getLogger(JobEventStream.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SseEventSink sink;
    private final Sse sse;
    private final AtomicReference<AutoCloseable> subscription = new AtomicReference<>();
    private final AtomicBoolean over = new AtomicBoolean();

    private JobEventStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /** Streams job {@code id} to the sink; throws what {@link JobService#subscribe} throws for an unknown job. */
    static JobEventStream open(JobService jobs, String id, SseEventSink sink, Sse sse) {
        JobEventStream stream = new JobEventStream(sink, sse);
        AutoCloseable s = jobs.subscribe(id, stream);
        stream.subscription.set(s);
        if (stream.over.get()) {
            stream.unsubscribe(); // it ended while subscribing (a finished job: its one event is sent)
        }
        return stream;
    }

    /** Whether the stream is over (and the subscription given up, or about to be once subscribe returns). */
    boolean over() {
        return over.get();
    }

    @Override
    public void accept(Job job) {
        if (over.get()) {
            return;
        }
        if (sink.isClosed()) {
            end();
            return;
        }
        boolean last = job.state().finished();
        OutboundSseEvent event;
        try {
            event = sse.newEventBuilder().name(last ? "state" : "progress").id(job.id())
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(JSON.writeValueAsString(Dtos.job(job))).build();
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Job {} could not be written as an event", job.id(), e);
            end();
            return;
        }
        if (last) {
            over.set(true);
        }
        try {
            sink.send(event).whenComplete((r, x) -> {
                if (last || x != null) {
                    end();
                }
            });
        } catch (RuntimeException e) {
            // Jersey throws IllegalStateException when the sink closed since isClosed() was asked
            LOG.debug("An event could not be sent for job {}", job.id(), e);
            end();
        }
    }

    private void end() {
        over.set(true);
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing an event stream failed", e);
        }
        unsubscribe();
    }

    private void unsubscribe() {
        AutoCloseable s = subscription.getAndSet(null);
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("Giving up a job subscription failed", e);
            }
        }
    }
}
