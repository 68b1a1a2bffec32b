package org.atelier.api;

import org.osgi.annotation.versioning.ProviderType;

/** A file that a generator wrote through its {@link GenerationContext}, as stored by the platform. */
@ProviderType
public interface Artifact {

    /** @return the opaque id the artifact is fetched by, e.g. over {@code GET /api/v1/artifacts/{id}} */
    String id();

    /** @return the file name given by the generator */
    String name();

    /** @return the media type */
    String mediaType();

    /** @return the size in bytes */
    long bytes();

    /** @return the SHA-256 of the content, lower-case hex */
    String sha256();

    /**
     * @return whether it was written after its job was asked to stop (cancelled, or its generator leaving): a
     *         complete file, but of an unfinished job, shown as {@code "partial": true} in the job
     * @since 1.2.0
     */
    default boolean partial() {
        return false;
    }
}
