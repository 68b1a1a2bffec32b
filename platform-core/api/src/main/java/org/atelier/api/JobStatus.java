package org.atelier.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A job as it was when this status was taken: what {@link Jobs} and {@link GenerationContext#runGenerator} answer.
 * Immutable; ask again for a newer one. The same job is {@code GET /api/v1/jobs/{id}} over REST.
 *
 * @since 1.3
 */
@ProviderType
public interface JobStatus {

    /** Where a job is on its way; once {@linkplain #finished() finished} it never changes again. */
    enum State {
        /** Waiting for a worker. */
        QUEUED,
        /** Running. */
        RUNNING,
        /** Finished with a result. */
        SUCCEEDED,
        /** Finished with an error: {@link JobStatus#message()} says which. */
        FAILED,
        /** Stopped because it was asked to (its own cancel, or its parent's). */
        CANCELLED;

        /** @return whether the job has finished */
        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    /** The path of a job in the REST API, {@code /api/v1/jobs/} followed by its id. */
    String LOCATION_PREFIX = "/api/v1/jobs/";

    /** @return the job's opaque id */
    String id();

    /** @return the generator that runs it, {@code vertical/id} */
    String generator();

    /** @return the state */
    State state();

    /** @return done so far, 0 to 1 */
    double progress();

    /** @return the last progress message, or why it failed */
    Optional<String> message();

    /**
     * @return the generator's result as JSON values: {@code Map<String, Object>}, {@code List<Object>},
     *         {@code String}, {@code Number}, {@code Boolean}; {@code null} while it runs or when there is none
     */
    Object result();

    /** @return the artifacts written so far, in order (without the preview) */
    List<Artifact> artifacts();

    /** @return the details of the last progress report (see {@link GenerationContext#progress(double, String, Map)}) */
    Map<String, Object> details();

    /** @return the job's current preview (see {@link GenerationContext#preview(String, String, byte[])}) */
    Optional<Artifact> preview();

    /** @return the id of the API key the job belongs to; empty for the platform's shell */
    Optional<String> owner();

    /** @return the job this one is a sub-job of, when a generator started it with {@code runGenerator} */
    Optional<String> parent();

    /** @return the job's address in the REST API, for a {@code Location} header: {@code /api/v1/jobs/{id}} */
    default String location() {
        return LOCATION_PREFIX + id();
    }
}
