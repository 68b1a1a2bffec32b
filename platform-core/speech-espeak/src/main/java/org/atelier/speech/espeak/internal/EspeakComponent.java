package org.atelier.speech.espeak.internal;

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
 * Opens the system's espeak-ng in the background and offers it as a {@link SpeechEngine}. When the library is not
 * installed, or cannot start, it says so once and offers nothing: the other engines' voices remain. While it opens, a
 * {@link Starting} marker says so (readiness 503; speech in a language no other engine speaks 503 + Retry-After).
 */
@Component(immediate = true)
public final class EspeakComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EspeakComponent.class);

    private final Thread starter;
    private Espeak espeak;
    private ServiceRegistration<SpeechEngine> registration;
    private ServiceRegistration<Starting> starting;
    private boolean stopped;

    @Activate
    public EspeakComponent(BundleContext context) {
        starting = context.registerService(Starting.class,
                Starting.of("espeak-ng", Starting.SPEECH_SYNTHESIS, Set.of()), null);
        starter = new Thread(() -> start(context), "atelier-espeak-start");
        starter.setDaemon(true);
        starter.start();
    }

    private void start(BundleContext context) {
        try {
            open(context);
        } finally {
            started(); // offered, absent or failed: no longer starting
        }
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

    private void open(BundleContext context) {
        long t0 = System.nanoTime();
        Espeak opened;
        EspeakEngine engine;
        try {
            opened = Espeak.open();
        } catch (Espeak.Unavailable e) {
            LOG.warn("espeak-ng not installed: apt-get install espeak-ng; only MaryTTS voices are offered ({})",
                    e.getMessage());
            return;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("espeak-ng not installed: apt-get install espeak-ng; only MaryTTS voices are offered ({})",
                    e.toString());
            return;
        }
        try {
            engine = new EspeakEngine(opened, EspeakComponent.class.getClassLoader());
        } catch (RuntimeException e) {
            LOG.error("espeak-ng {} started but could not list its voices; it is not offered", opened.version(), e);
            opened.close();
            return;
        }
        synchronized (this) {
            if (stopped) {
                opened.close();
                return;
            }
            espeak = opened;
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("engine", EspeakEngine.ID);
            registration = context.registerService(SpeechEngine.class, engine, props);
        }
        LOG.info("espeak-ng {} speaks ({} voices, {} Hz) after {} ms", opened.version(), engine.voices().size(),
                opened.sampleRate(), (System.nanoTime() - t0) / 1_000_000);
        try {
            engine.warmUp();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("HanLP could not load its pinyin dictionary; Mandarin text will fail", e);
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
        synchronized (this) {
            if (espeak != null) {
                espeak.close(); // waits for a synthesis under way: it holds the library's lock
                espeak = null;
            }
        }
    }
}
