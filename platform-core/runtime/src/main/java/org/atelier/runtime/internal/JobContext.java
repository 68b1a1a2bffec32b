package org.atelier.runtime.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.api.JobStatus;
import org.atelier.runtime.ArtifactInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The context of one call: progress (with details and a preview), cancellation, the artifacts it wrote, and the
 * sub-jobs it runs, which a cancel reaches too.
 */
final class JobContext implements GenerationContext {

    private static final Logger LOG = LoggerFactory.getLogger(JobContext.class);

    /** Runs a sub-job for a context: the registry. */
    @FunctionalInterface
    interface SubJobs {
        JobStatus run(JobContext parent, String generator, Map<String, ?> input, double share);
    }

    /** No sub-jobs: a context made outside the registry (tests of the store). */
    static final SubJobs NONE = (parent, generator, input, share) -> {
        throw new UnsupportedOperationException("this context runs no sub-jobs");
    };

    private final String jobId;
    private final ArtifactStore store;
    private final ArtifactStore.Labelling labelling;
    private final Runnable onChange;
    private final List<ArtifactInfo> artifacts = new CopyOnWriteArrayList<>();
    private final Set<JobContext> children = ConcurrentHashMap.newKeySet();
    private final String owner;
    private final int depth;
    private final int maxDetailsBytes;
    private final SubJobs subJobs;
    private final Object previewLock = new Object();
    private volatile double progress;
    private volatile String message;
    private volatile boolean cancelled;
    private volatile ObjectNode details;
    private volatile ArtifactInfo preview;

    JobContext(String jobId, ArtifactStore store, ArtifactStore.Labelling labelling, Runnable onChange) {
        this(jobId, null, store, labelling, onChange);
    }

    JobContext(String jobId, String owner, ArtifactStore store, ArtifactStore.Labelling labelling,
               Runnable onChange) {
        this(jobId, owner, 0, 4096, store, labelling, onChange, NONE);
    }

    /**
     * @param depth 0 for a job of its own, 1 for its sub-job, …
     * @param maxDetailsBytes the most bytes progress details may take as JSON
     */
    JobContext(String jobId, String owner, int depth, int maxDetailsBytes, ArtifactStore store,
               ArtifactStore.Labelling labelling, Runnable onChange, SubJobs subJobs) {
        this.jobId = jobId;
        this.owner = owner;
        this.depth = depth;
        this.maxDetailsBytes = maxDetailsBytes;
        this.store = store;
        this.labelling = labelling;
        this.onChange = onChange;
        this.subJobs = subJobs;
    }

    @Override
    public String jobId() {
        return jobId;
    }

    @Override
    public Optional<String> owner() {
        return Optional.ofNullable(owner);
    }

    int depth() {
        return depth;
    }

    @Override
    public void progress(double fraction, String message) {
        this.progress = Double.isNaN(fraction) ? progress : Math.max(0, Math.min(1, fraction));
        this.message = message;
        onChange.run();
    }

    @Override
    public void progress(double fraction, String message, Map<String, ?> newDetails) {
        if (newDetails != null) {
            // checked before anything changes: refused details leave the report as it was
            this.details = ProgressDetails.of(newDetails, maxDetailsBytes);
        }
        progress(fraction, message);
    }

    @Override
    public Artifact preview(String name, String mediaType, byte[] content) throws IOException {
        byte[] copy = content.clone();
        ArtifactInfo replaced;
        ArtifactInfo written;
        synchronized (previewLock) {
            written = store.writePreview(jobId, name, mediaType, out -> out.write(copy), labelling);
            replaced = preview;
            preview = written;
        }
        onChange.run();
        if (replaced != null) {
            try {
                store.deletePreview(replaced);
            } catch (IOException | RuntimeException e) {
                // the new preview is stored and shown; the old one's record or file is left for retention
                LOG.warn("The replaced preview {} of job {} could not be deleted", replaced.id(), jobId, e);
            }
        }
        return new ArtifactView(written);
    }

    @Override
    public JobStatus runGenerator(String generator, Map<String, ?> input, double share) {
        checkCancelled();
        return subJobs.run(this, generator, input, share);
    }

    /** A sub-job's context: cancelled with this one from now on (and at once if this one is cancelled already). */
    void adopt(JobContext child) {
        children.add(child);
        if (cancelled) {
            child.cancel();
        }
    }

    void release(JobContext child) {
        children.remove(child);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    /** Asks this call and every sub-job it runs now to stop. */
    void cancel() {
        cancelled = true;
        for (JobContext c : children) {
            c.cancel();
        }
    }

    double progress() {
        return progress;
    }

    String message() {
        return message;
    }

    ObjectNode details() {
        return details;
    }

    ArtifactInfo preview() {
        return preview;
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
        return new ArtifactView(info);
    }
}
