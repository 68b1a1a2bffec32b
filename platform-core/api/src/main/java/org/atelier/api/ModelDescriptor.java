package org.atelier.api;

import java.util.List;

/**
 * What a model says about itself in the {@code model.json} beside its {@code model.onnx} and {@code tokenizer.json}.
 *
 * @param id the model's id, e.g. {@code all-minilm-l6-v2}
 * @param task what it does; {@code text-embedding} for now
 * @param dimensions length of the vectors it makes
 * @param pooling how token vectors become one: {@code mean} (masked mean) or {@code cls} (the first token)
 * @param normalize whether vectors are scaled to unit length
 * @param maxTokens the longest input in tokens; longer inputs are truncated
 * @param languages languages it was trained for (BCP 47), e.g. {@code en}, {@code zh}
 * @param description a line for people
 */
public record ModelDescriptor(String id, String task, int dimensions, String pooling, boolean normalize,
                              int maxTokens, List<String> languages, String description) {

    /** The task of text embedding models. */
    public static final String TEXT_EMBEDDING = "text-embedding";

    /** Validates and copies. */
    public ModelDescriptor {
        if (id == null || !GeneratorDescriptor.NAME.matcher(id.replace('.', '-')).matches()) {
            throw new IllegalArgumentException("model id must be lower-case letters, digits, dots and dashes: " + id);
        }
        if (!TEXT_EMBEDDING.equals(task)) {
            throw new IllegalArgumentException("unsupported task: " + task + " (supported: " + TEXT_EMBEDDING + ")");
        }
        if (dimensions < 1 || dimensions > 65_536) {
            throw new IllegalArgumentException("dimensions must be 1 to 65536: " + dimensions);
        }
        if (!"mean".equals(pooling) && !"cls".equals(pooling)) {
            throw new IllegalArgumentException("pooling must be mean or cls: " + pooling);
        }
        if (maxTokens < 2 || maxTokens > 1_000_000) {
            throw new IllegalArgumentException("maxTokens must be 2 to 1000000: " + maxTokens);
        }
        languages = languages == null ? List.of() : List.copyOf(languages);
        description = description == null ? "" : description;
    }
}
