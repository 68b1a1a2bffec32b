package org.atelier.runtime;

import java.util.List;
import java.util.Optional;

import org.atelier.api.GeneratorException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Every {@link org.atelier.api.Generator} service currently registered, and the one way to call them: the input
 * is parsed, bound to the generator's input type, validated, and the call runs within the generator's concurrency
 * limit. Generators come and go at any time; a call to one that is leaving finishes or is refused with
 * {@link GeneratorUnavailableException}.
 */
@ProviderType
public interface GeneratorRegistry {

    /** @return every present generator, sorted by vertical and id */
    List<GeneratorInfo> list();

    /**
     * @param vertical the vertical
     * @param id the generator id
     * @return the generator's description with its input schema
     * @throws NoSuchGeneratorException when there is no such generator
     * @throws GeneratorUnavailableException when it has just left and may come back (a bundle update)
     */
    GeneratorInfo describe(String vertical, String id);

    /**
     * Calls a generator with a JSON body and waits for the result.
     *
     * @param vertical the vertical
     * @param id the generator id
     * @param json the request body, UTF-8 JSON
     * @param owner the id of the API key that asks, {@code null} for the platform's shell
     * @return the finished job: {@code succeeded}, or {@code failed} with a message when the generator crashed
     * @throws NoSuchGeneratorException when there is no such generator
     * @throws GeneratorUnavailableException when it is leaving or has just left
     * @throws InputTooLargeException when the body is over the generator's limit
     * @throws GeneratorException for invalid input, unsupported requests and overload (the caller's fault or a
     *         reason to retry, never a crash)
     */
    Job invoke(String vertical, String id, byte[] json, String owner);

    /** Calls a generator on behalf of the platform itself (the shell): the job has no owner. */
    default Job invoke(String vertical, String id, byte[] json) {
        return invoke(vertical, id, json, null);
    }

    /**
     * @param id an artifact id from a job
     * @return the artifact, if it is known
     */
    Optional<StoredArtifact> artifact(String id);

    /**
     * @param id an artifact id from a job
     * @return its AIGC label, read back from the file where the format carries one
     */
    Optional<ArtifactLabel> artifactLabel(String id);
}
