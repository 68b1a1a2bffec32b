package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;

/** Writes and reads the AIGC label of one file format. */
interface Labeler {

    /** @return whether this labeler handles the media type */
    boolean handles(String mediaType);

    /** @return whether the bytes look like this format (for files of unknown type) */
    boolean sniff(byte[] content);

    /**
     * @param content the file
     * @param label the implicit label, written into the file's metadata
     * @param explicit whether to add a perceivable label too (a text line, a visible mark, a sound)
     * @return the labelled file
     */
    byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException;

    /** @return the implicit label the file carries, if any */
    Optional<AigcLabel> read(byte[] content) throws IOException;

    /** @return whether the file has room for part of the label only, so the whole label goes beside it too */
    default boolean needsSidecar() {
        return false;
    }
}
