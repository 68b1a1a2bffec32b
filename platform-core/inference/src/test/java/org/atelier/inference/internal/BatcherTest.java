package org.atelier.inference.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.atelier.api.ModelUnavailableException;
import org.atelier.api.OverloadedException;
import org.junit.jupiter.api.Test;

class BatcherTest {

    /** A model that answers each text with its length, once let go. */
    static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        EmbeddingModel.Batch run(List<String> texts) throws InterruptedException {
            entered.countDown();
            release.await(10, TimeUnit.SECONDS);
            float[][] v = new float[texts.size()][];
            for (int i = 0; i < v.length; i++) {
                v[i] = new float[] {texts.get(i).length()};
            }
            return new EmbeddingModel.Batch(v, new int[texts.size()], new boolean[texts.size()]);
        }
    }

    @Test
    void aFullQueueRefusesAllOfARequestWithOverload() throws Exception {
        Gate gate = new Gate();
        try (Batcher b = new Batcher("m", 2, 1, 0, 1, gate::run, new ModelMetrics())) {
            List<Batcher.Item> running = b.submit(List.of("a"));
            assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();
            List<Batcher.Item> waiting = b.submit(List.of("bb", "ccc"));

            assertThatThrownBy(() -> b.submit(List.of("d"))).isInstanceOf(OverloadedException.class)
                    .hasMessage("model m has 2 texts waiting");
            assertThat(b.waiting()).isEqualTo(2);
            gate.release.countDown();
            assertThat(running.get(0).result.get(5, TimeUnit.SECONDS).vector()).containsExactly(1f);
            assertThat(waiting.get(1).result.get(5, TimeUnit.SECONDS).vector()).containsExactly(3f);
        }
    }

    @Test
    void closingFinishesTheBatchTakenAndFailsTheTextsStillWaiting() throws Exception {
        Gate gate = new Gate();
        Batcher b = new Batcher("m", 8, 1, 0, 1, gate::run, new ModelMetrics());
        List<Batcher.Item> running = b.submit(List.of("a"));
        assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();
        List<Batcher.Item> waiting = b.submit(List.of("bb"));

        Thread closer = new Thread(b::close);
        closer.start();
        Thread.sleep(200);
        assertThat(closer.isAlive()).as("close waits for the batch in the model").isTrue();
        gate.release.countDown();
        closer.join(5_000);

        assertThat(running.get(0).result.get(5, TimeUnit.SECONDS).vector()).containsExactly(1f);
        assertThatThrownBy(() -> waiting.get(0).result.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ModelUnavailableException.class);
        assertThatThrownBy(() -> b.submit(List.of("late"))).isInstanceOf(ModelUnavailableException.class);
    }

    @Test
    void aLoneCallerRunsItsTextsOnItsOwnThread() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Gate gate = new Gate();
        gate.release.countDown();
        try (Batcher b = new Batcher("m", 8, 4, 0, 1, texts -> {
            ranOn.set(Thread.currentThread());
            return gate.run(texts);
        }, new ModelMetrics())) {
            List<Batcher.Item> items = b.submitOrRun(List.of("a", "bb"));

            assertThat(items).allMatch(i -> i.result.isDone());
            assertThat(items.get(1).result.get().vector()).containsExactly(2f);
            assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        }
    }

    @Test
    void whileTheWorkersShareIsTakenTextsAreQueuedForTheWorker() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        Gate gate = new Gate();
        try (Batcher b = new Batcher("m", 8, 4, 0, 1, texts -> {
            ranOn.set(Thread.currentThread());
            return gate.run(texts);
        }, new ModelMetrics())) {
            List<Batcher.Item> first = b.submit(List.of("a"));
            assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();

            List<Batcher.Item> second = b.submitOrRun(List.of("ccc"));

            assertThat(second.get(0).result.isDone()).isFalse();
            assertThat(b.waiting()).isEqualTo(1);
            gate.release.countDown();
            assertThat(first.get(0).result.get(5, TimeUnit.SECONDS).vector()).containsExactly(1f);
            assertThat(second.get(0).result.get(5, TimeUnit.SECONDS).vector()).containsExactly(3f);
            assertThat(ranOn.get().getName()).startsWith("atelier-batcher-m-");
        }
    }

    @Test
    void closingWaitsForABatchACallerRunsItself() throws Exception {
        Gate gate = new Gate();
        Batcher b = new Batcher("m", 8, 4, 0, 1, gate::run, new ModelMetrics());
        AtomicReference<List<Batcher.Item>> items = new AtomicReference<>();
        Thread caller = new Thread(() -> items.set(b.submitOrRun(List.of("a"))));
        caller.start();
        assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(b::close);
        closer.start();
        Thread.sleep(200);
        assertThat(closer.isAlive()).as("close waits for the batch the caller runs").isTrue();
        gate.release.countDown();
        closer.join(5_000);
        caller.join(5_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(items.get().get(0).result.get(5, TimeUnit.SECONDS).vector()).containsExactly(1f);
        assertThatThrownBy(() -> b.submitOrRun(List.of("late"))).isInstanceOf(ModelUnavailableException.class);
    }
}
