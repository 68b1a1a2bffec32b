package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.atelier.api.ModelDescriptor;
import org.osgi.framework.Bundle;

/** Models carried by bundles: the header {@code Atelier-Models} names folders inside the bundle. */
final class BundleModels {

    static final String HEADER = "Atelier-Models";

    private BundleModels() {
    }

    /** A model folder inside a bundle, or the reason it cannot be read. */
    record Found(String id, ModelFiles files, String error) {
    }

    static List<Found> of(Bundle bundle) {
        String header = bundle.getHeaders("").get(HEADER);
        List<Found> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String raw : header.split(",")) {
            String folder = raw.trim().replaceAll("^/+|/+$", "");
            if (folder.isEmpty()) {
                continue;
            }
            String fallbackId = folder.substring(folder.lastIndexOf('/') + 1);
            try {
                URL json = entry(bundle, folder + "/model.json");
                ModelDescriptor d;
                try (InputStream in = json.openStream()) {
                    d = Descriptors.read(in, fallbackId);
                }
                URL model = entry(bundle, folder + "/model.onnx");
                URL tokenizer = entry(bundle, folder + "/tokenizer.json");
                long size = model.openConnection().getContentLengthLong();
                out.add(new Found(d.id(), new BundleFiles(d, bundle, model, tokenizer, size), null));
            } catch (IOException | IllegalArgumentException e) {
                out.add(new Found(fallbackId, null, e.getMessage()));
            }
        }
        return out;
    }

    private static URL entry(Bundle bundle, String path) throws IOException {
        URL url = bundle.getEntry(path);
        if (url == null) {
            throw new IOException("bundle " + bundle.getSymbolicName() + " has no " + path);
        }
        return url;
    }

    private record BundleFiles(ModelDescriptor descriptor, Bundle bundle, URL model, URL tokenizer, long weightsBytes)
            implements ModelFiles {
        @Override
        public String source() {
            return "bundle:" + bundle.getSymbolicName();
        }

        @Override
        public InputStream openModel() throws IOException {
            return model.openStream();
        }

        @Override
        public InputStream openTokenizer() throws IOException {
            return tokenizer.openStream();
        }

        @Override
        public String version() {
            return bundle.getBundleId() + ":" + bundle.getLastModified();
        }
    }
}
