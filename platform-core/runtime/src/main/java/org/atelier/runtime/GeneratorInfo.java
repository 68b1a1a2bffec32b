package org.atelier.runtime;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A generator as the platform presents it.
 *
 * @param vertical the vertical
 * @param id the id within the vertical
 * @param title a short title
 * @param description a longer description
 * @param state {@code ready} or {@code draining} (leaving: new calls are refused)
 * @param outputMediaTypes media types of the artifacts it writes
 * @param longRunning whether it runs long
 * @param maxConcurrent the effective number of calls that may run at once
 * @param maxInputBytes the effective largest request body
 * @param bundle the symbolic name of the bundle that registered it
 * @param inputSchema JSON Schema (draft 2020-12) of the input
 */
public record GeneratorInfo(String vertical, String id, String title, String description, String state,
                            List<String> outputMediaTypes, boolean longRunning, int maxConcurrent,
                            long maxInputBytes, String bundle, ObjectNode inputSchema) {

    /** @return {@code vertical/id} */
    public String qualifiedId() {
        return vertical + "/" + id;
    }
}
