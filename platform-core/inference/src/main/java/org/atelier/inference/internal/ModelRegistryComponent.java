package org.atelier.inference.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.atelier.api.ModelInfo;
import org.atelier.api.ModelRegistry;
import org.atelier.api.TextEmbedder;
import org.atelier.runtime.MetricsSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model registry as an OSGi service: models come from bundles with an {@code Atelier-Models} header (tracked
 * as they start and stop) and from the watched directory (scanned every few seconds). A change of configuration
 * restarts the component, which unloads every model.
 */
@Component(service = {ModelRegistry.class, MetricsSource.class}, immediate = true,
        configurationPid = InferenceConfig.PID)
@Designate(ocd = InferenceConfig.class)
public final class ModelRegistryComponent implements ModelRegistry, MetricsSource {

    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistryComponent.class);

    private final Models models;
    private final Path dir;
    private final BundleTracker<String> tracker;
    private final ScheduledExecutorService scheduler;

    @Activate
    public ModelRegistryComponent(InferenceConfig config, BundleContext context) throws IOException {
        this.models = new Models(Models.Settings.of(config));
        String data = context.getProperty("karaf.data");
        this.dir = !config.modelsDir().isBlank() ? Path.of(config.modelsDir())
                : data != null ? Path.of(data, "atelier", "models") : context.getDataFile("models").toPath();
        Files.createDirectories(dir);
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public String addingBundle(Bundle bundle, BundleEvent event) {
                if (bundle.getHeaders("").get(BundleModels.HEADER) == null) {
                    return null;
                }
                String key = "bundle:" + bundle.getBundleId();
                models.update(key, BundleModels.of(bundle));
                return key;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, String key) {
                // same models while it stays active
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, String key) {
                models.update(key, List.of());
            }
        });
        this.tracker.open();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "atelier-models");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::scan, 0, Math.max(1, config.scanIntervalSeconds()), TimeUnit.SECONDS);
        scheduler.scheduleWithFixedDelay(models::reap, 30, 30, TimeUnit.SECONDS);
        LOG.info("Watching {} for models", dir);
    }

    private void scan() {
        try {
            models.update("dir", DirectoryModels.scan(dir));
        } catch (RuntimeException e) {
            LOG.warn("Scanning {} failed", dir, e);
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        tracker.close();
        models.close();
    }

    @Override
    public List<ModelInfo> list() {
        return models.list();
    }

    @Override
    public ModelInfo describe(String id) {
        return models.describe(id);
    }

    @Override
    public ModelInfo load(String id) {
        return models.load(id);
    }

    @Override
    public ModelInfo unload(String id) {
        return models.unload(id);
    }

    @Override
    public TextEmbedder embedder(String id) {
        return models.embedder(id);
    }

    @Override
    public void writeMetrics(StringBuilder out) {
        models.writeMetrics(out);
    }
}
