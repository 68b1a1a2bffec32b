package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.atelier.api.ModelDescriptor;

/** The default models, read straight from the Maven artifacts that carry them (test dependencies). */
final class TestModels {

    static final ModelDescriptor MINILM = new ModelDescriptor("all-minilm-l6-v2", "text-embedding", 384, "mean", true,
            256, List.of("en"), "test");
    static final ModelDescriptor BGE_ZH = new ModelDescriptor("bge-small-zh-v1.5", "text-embedding", 512, "cls", true,
            512, List.of("zh"), "test");

    private TestModels() {
    }

    static ModelFiles minilm() {
        return files(MINILM, "/all-minilm-l6-v2");
    }

    static ModelFiles bgeZh() {
        return files(BGE_ZH, "/bge-small-zh-v1.5");
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = TestModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no resource " + resource);
            }
            return in.readAllBytes();
        }
    }

    private static ModelFiles files(ModelDescriptor d, String prefix) {
        return new ModelFiles() {
            @Override
            public ModelDescriptor descriptor() {
                return d;
            }

            @Override
            public String source() {
                return "test:" + prefix;
            }

            @Override
            public long weightsBytes() {
                return 1;
            }

            @Override
            public InputStream openModel() {
                return TestModels.class.getResourceAsStream(prefix + ".onnx");
            }

            @Override
            public InputStream openTokenizer() {
                return TestModels.class.getResourceAsStream(prefix + "-tokenizer.json");
            }

            @Override
            public String version() {
                return "1";
            }
        };
    }
}
