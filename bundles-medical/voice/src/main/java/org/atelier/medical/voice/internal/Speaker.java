package org.atelier.medical.voice.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.atelier.api.OverloadedException;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.labels.AigcLabel;
import org.atelier.api.labels.LiveLabels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Speech answered as {@code audio/wav}, sent as it is synthesised, so the first words are heard before the rest is
 * made, from a bounded pool of workers (429 when it is full). The WAV carries its AIGC label in a chunk before the
 * audio; the audible cue goes first only when the person chose it. Bad input is refused before any audio (400 naming
 * the field, 422 for a language no engine speaks).
 */
@Component(service = Speaker.class)
public final class Speaker {

    static final String GENERATOR = "medical/voice";
    private static final Logger LOG = LoggerFactory.getLogger(Speaker.class);
    private static final Object END = new Object();

    private final SpeechSynthesizer speech;
    private final LiveLabels labels;
    private final ThreadPoolExecutor workers;

    @Activate
    public Speaker(@Reference SpeechSynthesizer speech, @Reference LiveLabels labels) {
        this.speech = speech;
        this.labels = labels;
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.workers = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4 * n), r -> {
            Thread t = new Thread(r, "atelier-speak");
            t.setDaemon(true);
            return t;
        });
        workers.allowCoreThreadTimeOut(true);
    }

    @Deactivate
    void deactivate() {
        workers.shutdownNow();
    }

    /**
     * @param explicitLabel whether the audible AIGC cue goes before the speech
     * @param accepted called once the first audio is there, that is once the request is known to be good
     */
    Response stream(SpeechRequest request, boolean explicitLabel, Runnable accepted) throws InterruptedException {
        BlockingQueue<Object> sentences = new LinkedBlockingQueue<>();
        // set when nobody will read on (the client left, or the first sentence took too long): synthesis stops
        AtomicBoolean abandoned = new AtomicBoolean();
        try {
            workers.execute(() -> {
                try {
                    speech.speak(request, s -> {
                        if (abandoned.get()) {
                            throw new CancellationException("the listener left");
                        }
                        sentences.add(s);
                    });
                    sentences.add(END);
                } catch (RuntimeException e) {
                    sentences.add(e);
                } catch (Throwable t) {
                    LOG.error("Speech failed", t);
                    sentences.add(new IllegalStateException("speech failed"));
                }
            });
        } catch (RejectedExecutionException e) {
            throw new OverloadedException("too many people are speaking at once; try again", 1);
        }
        Object first = sentences.poll(60, TimeUnit.SECONDS);
        if (first == null) {
            abandoned.set(true);
            throw new OverloadedException("speech is taking too long; try again", 5);
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        Speech s = (Speech) first;
        accepted.run();
        AigcLabel label = labels.newLabel(GENERATOR);
        StreamingOutput body = out -> {
            try {
                out.write(labels.wavStreamHeader(s.sampleRate(), label));
                if (explicitLabel) {
                    out.write(labels.audioCue(s.sampleRate()));
                }
                write(out, s);
                for (Object next = sentences.take(); next != END; next = sentences.take()) {
                    if (next instanceof RuntimeException e) {
                        LOG.warn("Speech stopped after its first sentences: {}", e.getMessage());
                        return;
                    }
                    write(out, (Speech) next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                abandoned.set(true);
            }
        };
        return Response.ok(body, "audio/wav").header("X-Atelier-Voice", s.voice().id())
                .header("X-AIGC-ProduceID", label.produceId()).build();
    }

    private static void write(OutputStream out, Speech s) throws IOException {
        out.write(Speech.pcm(s.samples()));
        out.flush();
    }
}
