package org.atelier.api;

import java.io.IOException;
import java.io.OutputStream;
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
