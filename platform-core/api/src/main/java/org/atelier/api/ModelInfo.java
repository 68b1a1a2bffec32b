package org.atelier.api;

/**
 * A model as the platform holds it now.
 *
 * @param id the model's id (for a model folder, the folder's name)
 * @param descriptor what the model says about itself, or {@code null} when its {@code model.json} is broken
 * @param state {@code available} (not loaded), {@code loading}, {@code loaded} or {@code failed}
 * @param error why loading failed, or {@code null}
 * @param source where it came from: {@code bundle:SYMBOLIC-NAME} or {@code dir:PATH}
 * @param weightsBytes size of the model file
 * @param loadedBytes resident memory the process grew by when the model was loaded (0 when not loaded)
 * @param users handles open on it now
 */
public record ModelInfo(String id, ModelDescriptor descriptor, String state, String error, String source, long weightsBytes,
                        long loadedBytes, int users) {
}
