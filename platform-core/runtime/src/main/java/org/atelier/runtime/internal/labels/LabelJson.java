package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atelier.api.labels.AigcLabel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The label as JSON: {@code {"AIGC":{"Label":"1","ContentProducer":…}}}. */
final class LabelJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private LabelJson() {
    }

    static ObjectNode node(AigcLabel label) {
        ObjectNode fields = MAPPER.createObjectNode();
        label.fields().forEach(fields::put);
        return fields;
    }

    static String write(AigcLabel label) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("AIGC", node(label));
        return root.toString();
    }

    /** @return {@code {"AIGC":{…}}} with every character outside ASCII escaped, for files that must stay ASCII */
    static String writeAscii(AigcLabel label) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("AIGC", node(label));
        try {
            return MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return {@code {"AIGC":{…}}}, indented for a person to read */
    static byte[] writePretty(AigcLabel label) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("AIGC", node(label));
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads {@code {"AIGC":{…}}} or the inner object itself. */
    static AigcLabel read(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        return fromNode(root.has("AIGC") ? root.get("AIGC") : root);
    }

    static AigcLabel fromNode(JsonNode n) throws IOException {
        if (n == null || !n.isObject() || !n.has("Label")) {
            throw new IOException("not an AIGC label");
        }
        Map<String, String> m = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return AigcLabel.of(m);
    }
}
