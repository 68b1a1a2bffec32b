package org.atelier.runtime.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The structured details of a progress report, made JSON: JSON values only (a generator's own objects are not
 * serialised behind its back), nested at most {@link #MAX_DEPTH} deep, and at most the configured size once written.
 */
final class ProgressDetails {

    /** How deep maps and lists may nest. */
    static final int MAX_DEPTH = 4;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProgressDetails() {
    }

    /**
     * @param details the generator's details
     * @param maxBytes the most bytes they may take as UTF-8 JSON
     * @return them as a JSON object
     * @throws IllegalArgumentException naming the first value that is not JSON, or when they are too large
     */
    static ObjectNode of(Map<String, ?> details, int maxBytes) {
        ObjectNode out = object(details, "", 1);
        int size = out.toString().getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBytes) {
            throw new IllegalArgumentException("progress details take " + size + " bytes as JSON, more than the "
                    + "limit of " + maxBytes + " (maxProgressDetailsBytes); keep them to a few figures");
        }
        return out;
    }

    private static ObjectNode object(Map<?, ?> map, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("progress details nest deeper than " + MAX_DEPTH + " at " + path);
        }
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key) || key.isBlank()) {
                throw new IllegalArgumentException("progress details need non-blank string keys"
                        + (path.isEmpty() ? "" : " at " + path));
            }
            String at = path.isEmpty() ? key : path + "." + key;
            node.set(key, value(e.getValue(), at, depth));
        }
        return node;
    }

    private static JsonNode value(Object v, String path, int depth) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("progress details: " + path + " is " + d
                        + ", which JSON cannot say; send null");
            }
            return NODES.numberNode(d);
        }
        if (v instanceof BigDecimal b) {
            return NODES.numberNode(b);
        }
        if (v instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (v instanceof Map<?, ?> m) {
            return object(m, path, depth + 1);
        }
        if (v instanceof Collection<?> c) {
            if (depth + 1 > MAX_DEPTH) {
                throw new IllegalArgumentException("progress details nest deeper than " + MAX_DEPTH + " at " + path);
            }
            ArrayNode a = NODES.arrayNode();
            int i = 0;
            for (Object item : c) {
                a.add(value(item, path + "[" + i++ + "]", depth + 1));
            }
            return a;
        }
        throw new IllegalArgumentException("progress details: " + path + " is not a JSON value (a string, number, "
                + "boolean, null, list or map)");
    }
}
