package org.atelier.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The models the platform can run: those carried by bundles and those dropped into the watched model directory.
 * Models load lazily on first use and unload when idle; handles count their users.
 */
@ProviderType
public interface ModelRegistry {

    /** @return every known model, sorted by id */
    List<ModelInfo> list();

    /**
     * @param id a model id
     * @return the model
     * @throws NoSuchModelException when there is no such model
     */
    ModelInfo describe(String id);

    /**
     * Loads a model now, waiting until it is loaded.
     *
     * @param id a model id
     * @return the model, loaded
     * @throws NoSuchModelException when there is no such model
     * @throws ModelUnavailableException when it cannot be loaded (a broken file, say)
     */
    ModelInfo load(String id);

    /**
     * Unloads a model once no handle is open on it.
     *
     * @param id a model id
     * @return the model
     * @throws NoSuchModelException when there is no such model
     */
    ModelInfo unload(String id);

    /**
     * Opens a handle on a text embedding model, loading it if needed. Close the handle when done.
     *
     * @param id a model id
     * @return the handle
     * @throws NoSuchModelException when there is no such model
     * @throws ModelUnavailableException when it cannot be loaded
     */
    TextEmbedder embedder(String id);
}
