package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;

import org.atelier.api.ModelDescriptor;

/** Where a model's files come from: a bundle or a directory. */
interface ModelFiles {

    ModelDescriptor descriptor();

    /** @return {@code bundle:NAME} or {@code dir:PATH} */
    String source();

    long weightsBytes();

    InputStream openModel() throws IOException;

    InputStream openTokenizer() throws IOException;

    /** @return a token that changes when the files change, so a replaced model is reloaded */
    String version();
}
