package org.atelier.runtime.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.atelier.api.Artifact;
import org.atelier.api.JobStatus;
import org.atelier.runtime.Job;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A job as the API shows it to a generator or a vertical's resource: its JSON result as plain Java values. */
final class JobStatusView implements JobStatus {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final Job job;
    private final Object result;
    private final Map<String, Object> details;
    private final List<Artifact> artifacts;

    JobStatusView(Job job, ObjectMapper mapper) {
        this.job = job;
        this.result = job.result() == null || job.result().isNull() ? null
                : mapper.convertValue(job.result(), Object.class);
        this.details = job.details() == null ? Map.of()
                : java.util.Collections.unmodifiableMap(mapper.convertValue(job.details(), MAP));
        this.artifacts = job.artifacts().stream().<Artifact>map(ArtifactView::new).toList();
    }

    @Override
    public String id() {
        return job.id();
    }

    @Override
    public String generator() {
        return job.generator();
    }

    @Override
    public State state() {
        return State.valueOf(job.state().name());
    }

    @Override
    public double progress() {
        return job.progress();
    }

    @Override
    public Optional<String> message() {
        return Optional.ofNullable(job.message());
    }

    @Override
    public Object result() {
        return result;
    }

    @Override
    public List<Artifact> artifacts() {
        return artifacts;
    }

    @Override
    public Map<String, Object> details() {
        return details;
    }

    @Override
    public Optional<Artifact> preview() {
        return Optional.ofNullable(job.preview()).map(ArtifactView::new);
    }

    @Override
    public Optional<String> owner() {
        return Optional.ofNullable(job.owner());
    }

    @Override
    public Optional<String> parent() {
        return Optional.ofNullable(job.parent());
    }

    @Override
    public String toString() {
        return "job " + job.id() + " of " + job.generator() + " (" + job.state().name().toLowerCase(Locale.ROOT) + ")";
    }
}
