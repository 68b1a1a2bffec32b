package org.atelier.rest.internal;

import java.time.Instant;
import java.util.List;

import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.Job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the REST API sends, and the one mapper from the runtime's types to it. */
public final class Dtos {

    private Dtos() {
    }

    public record GeneratorSummary(String id, String title, String state, String href) {
    }

    public record Vertical(String name, List<GeneratorSummary> generators) {
    }

    public record Verticals(List<Vertical> verticals) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Descriptor(String vertical, String id, String title, String description, String state,
                      List<String> outputMediaTypes, boolean longRunning, Limits limits, String bundle, String href,
                      ObjectNode inputSchema) {
    }

    public record Limits(int maxConcurrent, long maxInputBytes) {
    }

    /** {@code partial} is {@code true} for an artifact written after its job was asked to stop, absent otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArtifactDto(String id, String name, String mediaType, long bytes, String sha256, String href,
                              Boolean partial) {
    }

    /**
     * A job; {@code parent} is the job that ran it as a sub-job, {@code details} the structured details of its last
     * progress report and {@code preview} its current preview (an artifact not among {@code artifacts}), each absent
     * when there is none.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobDto(String id, String generator, String state, double progress, String message, JsonNode result,
                  List<ArtifactDto> artifacts, String created, String finished, String owner, String parent,
                  ObjectNode details, ArtifactDto preview) {
    }

    static GeneratorSummary summary(GeneratorInfo g) {
        return new GeneratorSummary(g.id(), g.title(), g.state(), href(g));
    }

    static Descriptor descriptor(GeneratorInfo g) {
        return new Descriptor(g.vertical(), g.id(), g.title(), g.description(), g.state(), g.outputMediaTypes(),
                g.longRunning(), new Limits(g.maxConcurrent(), g.maxInputBytes()), g.bundle(), href(g),
                g.inputSchema());
    }

    static JobDto job(Job j) {
        return new JobDto(j.id(), j.generator(), j.state().wireName(), j.progress(), j.message(), j.result(),
                j.artifacts().stream().map(Dtos::artifact).toList(), time(j.created()), time(j.finished()),
                j.owner(), j.parent(), j.details(), j.preview() == null ? null : artifact(j.preview()));
    }

    static ArtifactDto artifact(ArtifactInfo a) {
        return new ArtifactDto(a.id(), a.name(), a.mediaType(), a.bytes(), a.sha256(), "/api/v1/artifacts/" + a.id(),
                a.partial() ? Boolean.TRUE : null);
    }

    private static String href(GeneratorInfo g) {
        return "/api/v1/" + g.vertical() + "/" + g.id();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
