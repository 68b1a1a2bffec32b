package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON documents: the label as a top-level field {@code AIGC} (an array or scalar is wrapped under {@code content}). */
final class JsonLabeler implements Labeler {

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("application/json") || mediaType.endsWith("+json");
    }

    @Override
    public boolean sniff(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        JsonNode root = LabelJson.MAPPER.readTree(content);
        ObjectNode out = LabelJson.MAPPER.createObjectNode();
        out.set("AIGC", LabelJson.node(label));
        if (root != null && root.isObject()) {
            root.fields().forEachRemaining(e -> {
                if (!"AIGC".equals(e.getKey())) {
                    out.set(e.getKey(), e.getValue());
                }
            });
        } else {
            out.set("content", root);
        }
        return LabelJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        JsonNode root = LabelJson.MAPPER.readTree(content);
        return root != null && root.has("AIGC") ? Optional.of(LabelJson.fromNode(root.get("AIGC"))) : Optional.empty();
    }
}
