package org.atelier.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle on a loaded text embedding model. Calls from many threads are merged into batches. Close it when done:
 * a model whose handles are all closed may be unloaded when idle.
 */
@ProviderType
public interface TextEmbedder extends AutoCloseable {

    /** @return the model this handle is on */
    ModelInfo model();

    /** @return the length of the vectors */
    int dimensions();

    /**
     * Embeds texts.
     *
     * @param texts one or more texts, none {@code null}
     * @return one vector per text, in order
     * @throws InvalidInputException for an empty list, too many texts, or a {@code null} text
     * @throws OverloadedException when the model's queue is full
     * @throws ModelUnavailableException when the model left while the call waited
     */
    Embeddings embed(List<String> texts);

    /** Releases the handle. */
    @Override
    void close();

    /**
     * Vectors and what they cost.
     *
     * @param vectors one per text, in order
     * @param tokens tokens read, over all texts
     * @param truncated per text, whether it was longer than the model's maximum and cut
     */
    record Embeddings(List<float[]> vectors, int tokens, List<Boolean> truncated) {
    }
}
