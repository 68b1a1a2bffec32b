package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

class JobEventStreamTest {

    /** A job service with one job whose listeners the test can see and call. */
    static final class OneJob {
        final List<Consumer<Job>> listeners = new CopyOnWriteArrayList<>();
        Job now;

        OneJob(JobState state) {
            now = job(state, 0);
        }

        JobService service() {
            return (JobService) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {JobService.class},
                    (proxy, method, args) -> {
                        if (!method.getName().equals("subscribe")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        @SuppressWarnings("unchecked")
                        Consumer<Job> l = (Consumer<Job>) args[1];
                        if (!now.state().finished()) {
                            listeners.add(l);
                        }
                        l.accept(now);
                        return (AutoCloseable) () -> listeners.remove(l);
                    });
        }

        void change(JobState state, double progress) {
            now = job(state, progress);
            for (Consumer<Job> l : listeners) {
                l.accept(now);
            }
        }

        static Job job(JobState state, double progress) {
            return new Job("j1", "test/gen", state, progress, "", null, List.of(), Instant.EPOCH,
                    state.finished() ? Instant.EPOCH : null, "owner");
        }
    }

    /** A sink that records the event names, and fails every send once the client has gone. */
    static final class Sink implements SseEventSink {
        final List<String> names = new ArrayList<>();
        boolean gone;
        boolean closed;
        boolean throwing;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (throwing) {
                throw new IllegalStateException("the sink is closed");
            }
            if (gone) {
                return CompletableFuture.failedFuture(new java.io.IOException("Broken pipe"));
            }
            names.add(event.getName());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Sse whose builder makes events that know their name. */
    static Sse sse() {
        return (Sse) Proxy.newProxyInstance(JobEventStreamTest.class.getClassLoader(), new Class<?>[] {Sse.class},
                (p, m, a) -> {
                    String[] name = {null};
                    return Proxy.newProxyInstance(JobEventStreamTest.class.getClassLoader(),
                            new Class<?>[] {OutboundSseEvent.Builder.class}, (bp, bm, ba) -> {
                                if (bm.getName().equals("name")) {
                                    name[0] = (String) ba[0];
                                }
                                if (bm.getName().equals("build")) {
                                    return Proxy.newProxyInstance(JobEventStreamTest.class.getClassLoader(),
                                            new Class<?>[] {OutboundSseEvent.class},
                                            (ep, em, ea) -> em.getName().equals("getName") ? name[0] : null);
                                }
                                return bp;
                            });
                });
    }

    @Test
    void progressThenStateThenTheStreamClosesAndTheSubscriptionIsGivenUp() {
        OneJob job = new OneJob(JobState.RUNNING);
        Sink sink = new Sink();
        JobEventStream stream = JobEventStream.open(job.service(), "j1", sink, sse());
        job.change(JobState.RUNNING, 0.5);
        job.change(JobState.SUCCEEDED, 1);

        assertThat(sink.names).containsExactly("progress", "progress", "state");
        assertThat(sink.closed).isTrue();
        assertThat(stream.over()).isTrue();
        assertThat(job.listeners).isEmpty();
    }

    @Test
    void aClientThatWentAwayIsForgottenAtTheJobsNextChange() {
        OneJob job = new OneJob(JobState.RUNNING);
        Sink sink = new Sink();
        JobEventStream.open(job.service(), "j1", sink, sse());
        assertThat(job.listeners).hasSize(1);

        sink.gone = true;
        job.change(JobState.RUNNING, 0.1);

        assertThat(job.listeners).isEmpty();
        assertThat(sink.closed).isTrue();
        job.change(JobState.RUNNING, 0.2); // nobody is told any more
        assertThat(sink.names).containsExactly("progress");
    }

    @Test
    void aSinkFoundClosedIsForgottenWithoutSending() {
        OneJob job = new OneJob(JobState.QUEUED);
        Sink sink = new Sink();
        JobEventStream.open(job.service(), "j1", sink, sse());
        sink.closed = true;
        job.change(JobState.RUNNING, 0.1);

        assertThat(job.listeners).isEmpty();
        assertThat(sink.names).containsExactly("progress");
    }

    @Test
    void aSendThatThrowsEndsTheStreamToo() {
        OneJob job = new OneJob(JobState.RUNNING);
        Sink sink = new Sink();
        JobEventStream stream = JobEventStream.open(job.service(), "j1", sink, sse());
        sink.throwing = true;
        job.change(JobState.RUNNING, 0.3);

        assertThat(stream.over()).isTrue();
        assertThat(sink.closed).isTrue();
        assertThat(job.listeners).isEmpty();
    }

    @Test
    void aFinishedJobGetsOneStateEventAndNoSubscription() {
        OneJob job = new OneJob(JobState.FAILED);
        Sink sink = new Sink();
        JobEventStream stream = JobEventStream.open(job.service(), "j1", sink, sse());

        assertThat(sink.names).containsExactly("state");
        assertThat(sink.closed).isTrue();
        assertThat(stream.over()).isTrue();
        assertThat(job.listeners).isEmpty();
    }
}
