package org.atelier.speech.marytts.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;

import org.atelier.api.health.Starting;
import org.atelier.api.speech.SpeechEngine;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts MaryTTS in the background (2 to 5 s) and offers it as a {@link SpeechEngine} once it speaks; until then
 * English falls to another engine if one is present. While it starts, a {@link Starting} marker says so: readiness is
 * 503 and English speech answers 503 + Retry-After rather than "no engine".
 */
@Component(immediate = true)
public final class MaryTtsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MaryTtsComponent.class);

    private final MaryTtsEngine engine;
    private final Thread starter;
    private volatile ServiceRegistration<SpeechEngine> registration;
    private ServiceRegistration<Starting> starting;
    private volatile boolean stopped;

    @Activate
    public MaryTtsComponent(BundleContext context) {
        engine = new MaryTtsEngine(MaryTtsComponent.class.getClassLoader());
        starting = context.registerService(Starting.class,
                Starting.of("MaryTTS", Starting.SPEECH_SYNTHESIS, Set.of("en")), null);
        starter = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                engine.start();
            } catch (Exception | LinkageError e) {
                LOG.error("MaryTTS could not start; English speech needs another engine", e);
                started();
                return;
            }
            synchronized (this) {
                if (stopped) {
                    return;
                }
                Dictionary<String, Object> props = new Hashtable<>();
                props.put("engine", MaryTtsEngine.ID);
                registration = context.registerService(SpeechEngine.class, engine, props);
                started(); // after the engine is offered: never a moment with neither
            }
            LOG.info("MaryTTS speaks ({} voices) after {} ms", engine.voices().size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }, "atelier-marytts-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** No longer starting: started, failed or stopped. */
    private synchronized void started() {
        if (starting != null) {
            try {
                starting.unregister();
            } catch (IllegalStateException gone) {
                // the bundle is stopping: the framework unregistered it
            }
            starting = null;
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (this) {
            stopped = true;
            started();
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
        }
        starter.join(30_000);
        engine.stop();
        // MaryTTS is not shut down: its module registry is static and refuses a second start in the same class
        // loader, so a stopped and started bundle reuses the running MaryTTS. An updated bundle (a new class
        // loader) starts its own; the old one's ~45 MB stay until Karaf restarts.
    }
}
