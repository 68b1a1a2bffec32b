package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.atelier.api.ModelDescriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads {@code model.json}. */
final class Descriptors {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private Descriptors() {
    }

    /** The file as written; missing fields get the defaults of a BERT-style sentence embedding model. */
    record Json(String id, String task, Integer dimensions, String pooling, Boolean normalize, Integer maxTokens,
                List<String> languages, String description) {
    }

    /**
     * @param in the JSON
     * @param folderId the id a model folder gives when {@code id} is absent
     * @throws IllegalArgumentException with a message for a person when the file is not a valid descriptor
     */
    static ModelDescriptor read(InputStream in, String folderId) throws IOException {
        Json j;
        try {
            j = MAPPER.readValue(in, Json.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("model.json is not valid: " + e.getOriginalMessage());
        }
        if (j == null) {
            throw new IllegalArgumentException("model.json is empty");
        }
        if (j.id() != null && !j.id().equals(folderId)) {
            throw new IllegalArgumentException("model.json says id " + j.id() + " but the folder is " + folderId);
        }
        if (j.dimensions() == null) {
            throw new IllegalArgumentException("model.json lacks dimensions");
        }
        return new ModelDescriptor(folderId, j.task() == null ? ModelDescriptor.TEXT_EMBEDDING : j.task(),
                j.dimensions(), j.pooling() == null ? "mean" : j.pooling(), j.normalize() == null || j.normalize(),
                j.maxTokens() == null ? 512 : j.maxTokens(), j.languages(), j.description());
    }
}
