package org.atelier.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts and reads jobs, for a bundle's own REST resource (or any other component) that makes work happen outside
 * a generator call; a generator that needs another one uses {@link GenerationContext#runGenerator} instead. The
 * platform registers one such service. A job started here is the same as one started by
 * {@code POST /api/v1/{vertical}/{generator}}: the input is bound and validated the same way, it counts against the
 * generator's limits, it is listed, owned, followed and cancelled under {@code /api/v1/jobs}:
 *
 * <pre>
 * &#64;POST &#64;Path("designs")
 * public Response start(Map&lt;String, Object&gt; body, &#64;Context SecurityContext security) {
 *     String owner = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
 *     JobStatus job = jobs.submit("industrial/topology", body, owner);
 *     return Response.accepted(Map.of("id", job.id(), "state", job.state().name().toLowerCase(Locale.ROOT)))
 *             .location(URI.create(job.location())).build();
 * }
 * </pre>
 *
 * The owner is the id of the API key that calls: on the platform's REST application it is the name of the request's
 * {@code SecurityContext} principal.
 *
 * @since 1.3
 */
@ProviderType
public interface Jobs {

    /**
     * Starts a job. A long-running generator's job is queued and this answers at once (state {@code queued} or
     * {@code running}); any other generator runs on the calling thread and this answers when it has finished.
     *
     * @param generator the generator, {@code vertical/id}
     * @param input the input as JSON values (maps with string keys, lists, strings, numbers, booleans, {@code null})
     * @param owner the id of the API key the job belongs to, {@code null} for the platform itself (then only admins
     *        see it)
     * @return the job as it is now; a short generator that crashed gives a {@code failed} job whose message says so
     * @throws NoSuchGeneratorException when there is no such generator
     * @throws GeneratorUnavailableException when it is leaving or has just left
     * @throws InvalidInputException when the input does not bind to the generator's input type or is refused by
     *         its checks (naming the field), or is over the generator's size limit
     * @throws OverloadedException when the generator's queue (or, for a short one, its concurrency) is full
     * @throws GeneratorException what a short generator threw ({@link UnsupportedInputException} …); its job is
     *         failed with that message
     */
    JobStatus submit(String generator, Map<String, ?> input, String owner);

    /**
     * Reads a job as it is now.
     *
     * @param id the job's id
     * @param owner the calling key's id: a job another key started is not found, as if it did not exist;
     *        {@code null} finds any job (for what only admins reach)
     * @return the job, empty when there is none (for this owner)
     */
    Optional<JobStatus> find(String id, String owner);
}
