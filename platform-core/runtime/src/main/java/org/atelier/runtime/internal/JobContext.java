package org.atelier.runtime.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.runtime.ArtifactInfo;

/** The context of one call: progress, cancellation, and the artifacts it wrote. */
final class JobContext implements GenerationContext {

    private final String jobId;
    private final ArtifactStore store;
    private final ArtifactStore.Labelling labelling;
    private final Runnable onChange;
    private final List<ArtifactInfo> artifacts = new CopyOnWriteArrayList<>();
    private volatile double progress;
    private volatile String message;
    private volatile boolean cancelled;

    private final String owner;

    JobContext(String jobId, ArtifactStore store, ArtifactStore.Labelling labelling, Runnable onChange) {
        this(jobId, null, store, labelling, onChange);
    }

    JobContext(String jobId, String owner, ArtifactStore store, ArtifactStore.Labelling labelling,
               Runnable onChange) {
        this.jobId = jobId;
        this.owner = owner;
        this.store = store;
        this.labelling = labelling;
        this.onChange = onChange;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    @Override
    public void progress(double fraction, String message) {
        this.progress = Double.isNaN(fraction) ? progress : Math.max(0, Math.min(1, fraction));
        this.message = message;
        onChange.run();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    double progress() {
        return progress;
    }

    String message() {
        return message;
    }

    List<ArtifactInfo> artifacts() {
        return List.copyOf(artifacts);
    }

    @Override
    public Artifact writeArtifact(String name, String mediaType, byte[] content) throws IOException {
        byte[] copy = content.clone();
        return writeArtifact(name, mediaType, out -> out.write(copy));
    }

    /**
     * Stores an artifact; one written once the job was asked to stop is marked partial (the job keeps it). A writer
     * that fails, a cancel inside an encode say, leaves nothing recorded.
     */
    @Override
    public Artifact writeArtifact(String name, String mediaType, ArtifactWriter writer) throws IOException {
        ArtifactInfo info = store.write(jobId, name, mediaType, writer, labelling, cancelled);
        artifacts.add(info);
        store.writeSidecar(jobId, info, labelling).ifPresent(artifacts::add);
        onChange.run();
        return new StoredArtifactView(info);
    }

    private record StoredArtifactView(ArtifactInfo info) implements Artifact {
        @Override
        public String id() {
            return info.id();
        }

        @Override
        public String name() {
            return info.name();
        }

        @Override
        public String mediaType() {
            return info.mediaType();
        }

        @Override
        public long bytes() {
            return info.bytes();
        }

        @Override
        public String sha256() {
            return info.sha256();
        }

        @Override
        public boolean partial() {
            return info.partial();
        }
    }
}
