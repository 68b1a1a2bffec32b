package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.atelier.api.ModelDescriptor;

/** Models dropped into the watched directory: one folder each, named by the model's id. */
final class DirectoryModels {

    private DirectoryModels() {
    }

    static List<BundleModels.Found> scan(Path dir) {
        List<BundleModels.Found> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                if (id.startsWith(".")) {
                    continue;
                }
                out.add(read(folder, id));
            }
        } catch (IOException e) {
            // the directory went away between the check and the listing: no models
        }
        return out;
    }

    private static BundleModels.Found read(Path folder, String id) {
        Path json = folder.resolve("model.json");
        Path model = folder.resolve("model.onnx");
        Path tokenizer = folder.resolve("tokenizer.json");
        try {
            for (Path p : List.of(json, model, tokenizer)) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException("the folder has no " + p.getFileName()
                            + " (a model folder holds model.onnx, tokenizer.json and model.json)");
                }
            }
            ModelDescriptor d;
            try (InputStream in = Files.newInputStream(json)) {
                d = Descriptors.read(in, id);
            }
            String version = Files.getLastModifiedTime(json).toMillis() + ":" + Files.size(model) + ":"
                    + Files.getLastModifiedTime(model).toMillis() + ":" + Files.getLastModifiedTime(tokenizer).toMillis();
            return new BundleModels.Found(id, new DirFiles(d, folder, Files.size(model), version), null);
        } catch (IOException | IllegalArgumentException e) {
            return new BundleModels.Found(id, null, e.getMessage());
        }
    }

    private record DirFiles(ModelDescriptor descriptor, Path folder, long weightsBytes, String version)
            implements ModelFiles {
        @Override
        public String source() {
            return "dir:" + folder;
        }

        @Override
        public InputStream openModel() throws IOException {
            return Files.newInputStream(folder.resolve("model.onnx"));
        }

        @Override
        public InputStream openTokenizer() throws IOException {
            return Files.newInputStream(folder.resolve("tokenizer.json"));
        }
    }
}
