package org.atelier.speech.marytts.internal;

import java.util.Dictionary;
import java.util.Hashtable;

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
 * English falls to another engine if one is present.
 */
@Component(immediate = true)
public final class MaryTtsComponent {

    private static final Logger LOG = LoggerFactory.getLogger(MaryTtsComponent.class);

    private final MaryTtsEngine engine;
    private final Thread starter;
    private volatile ServiceRegistration<SpeechEngine> registration;
    private volatile boolean stopped;

    @Activate
    public MaryTtsComponent(BundleContext context) {
        engine = new MaryTtsEngine(MaryTtsComponent.class.getClassLoader());
        starter = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                engine.start();
            } catch (Exception | LinkageError e) {
                LOG.error("MaryTTS could not start; English speech needs another engine", e);
                return;
            }
            synchronized (this) {
                if (stopped) {
                    return;
                }
                Dictionary<String, Object> props = new Hashtable<>();
                props.put("engine", MaryTtsEngine.ID);
                registration = context.registerService(SpeechEngine.class, engine, props);
            }
            LOG.info("MaryTTS speaks ({} voices) after {} ms", engine.voices().size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }, "atelier-marytts-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        synchronized (this) {
            stopped = true;
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
