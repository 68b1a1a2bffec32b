package org.atelier.runtime;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.annotation.versioning.ProviderType;

/** A stored artifact with its content. */
@ProviderType
public interface StoredArtifact {

    /** @return what the job lists about it */
    ArtifactInfo info();

    /**
     * @return a new stream over the content; the caller closes it
     * @throws IOException when the content cannot be read
     */
    InputStream open() throws IOException;

    /** @return the id of the API key whose job wrote it, {@code null} when the platform's shell ran the job */
    default String owner() {
        return null;
    }
}
