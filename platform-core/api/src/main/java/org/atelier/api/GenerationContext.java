package org.atelier.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the platform gives a {@link Generator} for one call: progress reporting, cancellation and artifact storage.
 * Not thread-safe beyond what is stated: report progress and write artifacts from the calling thread or
 * with your own synchronisation.
 */
@ProviderType
public interface GenerationContext {

    /** @return the id of the job this call belongs to */
    String jobId();

    /**
     * @return the id of the API key whose call this is, for what a generator keeps per person (a profile); empty when
     *         the platform's own shell made the call
     * @since 1.1
     */
    default Optional<String> owner() {
        return Optional.empty();
    }

    /**
     * Reports progress.
     *
     * @param fraction done so far, from 0 to 1 (clamped)
     * @param message what is happening now, for a person to read; may be {@code null}
     */
    void progress(double fraction, String message);

    /**
     * Reports progress with structured details that a console can show as they are (the iteration, the
     * compliance, the stage): they travel in the job's JSON ({@code "details"}) and its Server-Sent Events, and
     * replace the details reported before. Keep them small: the platform refuses details over its configured size
     * ({@code maxProgressDetailsBytes}, 4 KiB by default) with an {@link IllegalArgumentException}.
     *
     * @param fraction done so far, from 0 to 1 (clamped)
     * @param message what is happening now, for a person to read; may be {@code null}
     * @param details JSON values by name: strings, numbers (finite), booleans, {@code null}, and lists and maps (with
     *        string keys) of those; {@code null} keeps the details reported before
     * @throws IllegalArgumentException when the details are not JSON values or are too large
     * @since 1.3
     */
    default void progress(double fraction, String message, Map<String, ?> details) {
        progress(fraction, message);
    }

    /** @return {@code true} once the caller has asked to cancel this call */
    boolean isCancelled();

    /**
     * Throws {@link GenerationCancelledException} if cancellation was asked for; call it between steps.
     *
     * @throws GenerationCancelledException if {@link #isCancelled()}
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new GenerationCancelledException();
        }
    }

    /**
     * Stores an artifact of this call.
     *
     * @param name a file name for people, e.g. {@code speech.wav}; path separators are not allowed
     * @param mediaType the media type, e.g. {@code audio/wav}
     * @param content the bytes
     * @return the stored artifact
     * @throws IOException when the store cannot write it
     */
    Artifact writeArtifact(String name, String mediaType, byte[] content) throws IOException;

    /**
     * Stores an artifact by streaming it, for content too large to hold in memory.
     *
     * @param name a file name for people; path separators are not allowed
     * @param mediaType the media type
     * @param writer writes the content to the stream it is given
     * @return the stored artifact
     * @throws IOException when the writer or the store fails
     */
    Artifact writeArtifact(String name, String mediaType, ArtifactWriter writer) throws IOException;

    /**
     * Stores the job's preview: a picture of the work as it is now (the current density image, the current frame),
     * which replaces the previous preview (that one is deleted). It is labelled like every artifact, fetched like one
     * ({@code GET /api/v1/artifacts/{id}}), shown as the job's {@code "preview"} in its JSON and Server-Sent Events,
     * and not listed among the job's artifacts. The last preview stays with the job when it ends.
     *
     * @param name a file name for people, e.g. {@code density.png}; path separators are not allowed
     * @param mediaType the media type, e.g. {@code image/png}; not one whose label needs a file beside it
     *        ({@code model/stl})
     * @param content the bytes
     * @return the stored preview
     * @throws IOException when the store cannot write it
     * @throws IllegalArgumentException when the name or media type is not valid, or the content is not what its
     *         media type says
     * @since 1.3
     */
    default Artifact preview(String name, String mediaType, byte[] content) throws IOException {
        throw new UnsupportedOperationException("this platform keeps no previews");
    }

    /**
     * Runs another generator as a sub-job of this call and waits for it to finish. The sub-job is a job of its own
     * (listed, with this job as its {@code parent} and this job's owner as its owner, its artifacts labelled as its
     * generator's); it runs on the calling thread, so it never waits for a worker that this job holds. While it
     * runs, its progress is mapped into this job's: from this job's progress now, over {@code share} of the whole
     * (a sub-job half done with {@code share} 0.4, started at 0.2, puts this job at 0.4), and its message becomes
     * this job's. Cancelling this job cancels the sub-job.
     *
     * <p>What the sub-generator throws as a {@link GeneratorException} ({@link UnsupportedInputException}, say)
     * fails the sub-job and is thrown here; a crash of the sub-generator fails the sub-job, whose status says so.
     *
     * @param generator the generator to run, {@code vertical/id}
     * @param input its input as JSON values (maps with string keys, lists, strings, numbers, booleans,
     *        {@code null}), bound and validated as a request body would be
     * @param share the part of this job's progress the sub-job spans, 0 to 1 (clamped to what is left)
     * @return the finished sub-job: {@code succeeded}, {@code failed} (its message says why) or {@code cancelled}
     * @throws NoSuchGeneratorException when there is no such generator
     * @throws GeneratorUnavailableException when it is leaving or has just left
     * @throws InvalidInputException when the input does not fit the generator's input type or its checks
     * @throws UnsupportedInputException when sub-jobs nest deeper than the platform allows
     * @throws GenerationCancelledException when this job was cancelled before the sub-job could start
     * @since 1.3
     */
    default JobStatus runGenerator(String generator, Map<String, ?> input, double share) {
        throw new UnsupportedOperationException("this platform runs no sub-jobs");
    }

    /** Writes an artifact's content to a stream that the platform owns. */
    @FunctionalInterface
    interface ArtifactWriter {
        /**
         * @param out where to write; do not close it
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }
}
