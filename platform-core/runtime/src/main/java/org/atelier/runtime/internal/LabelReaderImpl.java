package org.atelier.runtime.internal;

import java.io.IOException;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;
import org.atelier.runtime.LabelReader;
import org.atelier.runtime.internal.labels.Labels;
import org.osgi.service.component.annotations.Component;

/** Reads labels for {@code atelier:verify}. */
@Component(service = LabelReader.class)
public final class LabelReaderImpl implements LabelReader {

    private final Labels labels = new Labels();

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        return labels.read(content);
    }
}
