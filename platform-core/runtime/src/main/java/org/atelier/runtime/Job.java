package org.atelier.runtime;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One call of a generator and what came of it.
 *
 * @param id opaque job id
 * @param generator {@code vertical/id} of the generator
 * @param state the state
 * @param progress done so far, 0 to 1
 * @param message the last progress or error message, may be {@code null}
 * @param result the generator's JSON result, may be {@code null}
 * @param artifacts the artifacts written, in order, without the preview
 * @param created when the job was created
 * @param finished when it finished, {@code null} while it runs
 * @param owner the id of the API key that started it, {@code null} when the platform's shell did
 * @param parent the job this one is a sub-job of, {@code null} for a job of its own
 * @param details the structured details of the last progress report, {@code null} for none
 * @param preview the job's current preview, {@code null} for none
 * @since 1.4
 */
public record Job(String id, String generator, JobState state, double progress, String message, JsonNode result,
                  List<ArtifactInfo> artifacts, Instant created, Instant finished, String owner, String parent,
                  ObjectNode details, ArtifactInfo preview) {

    /** A job of its own, without details or preview. */
    public Job(String id, String generator, JobState state, double progress, String message, JsonNode result,
               List<ArtifactInfo> artifacts, Instant created, Instant finished, String owner) {
        this(id, generator, state, progress, message, result, artifacts, created, finished, owner, null, null, null);
    }
}
