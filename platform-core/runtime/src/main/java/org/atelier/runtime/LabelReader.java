package org.atelier.runtime;

import java.io.IOException;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the AIGC label out of a file of any format the platform labels (PNG, JPEG, WAV, MIDI, PDF, MP4, STL, SVG, JSON,
 * Markdown, text). A binary STL's header holds some fields only (Label, ProduceID and what else fits); its
 * {@code .aigc.json} sidecar holds them all.
 */
@ProviderType
public interface LabelReader {

    /**
     * @param content the file's bytes
     * @return the label it carries, if any
     * @throws IOException when the file is damaged
     */
    Optional<AigcLabel> read(byte[] content) throws IOException;
}
