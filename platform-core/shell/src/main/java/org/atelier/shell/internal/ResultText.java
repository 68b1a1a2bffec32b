package org.atelier.shell.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A generator's JSON result as a person reads it in the shell: one line per field, numbers to six significant
 * digits, short lists inline, a few records one line each, and long lists (an optimisation's history of hundreds of
 * iterations) as a count with the option that shows them; the whole JSON is one option away.
 */
final class ResultText {

    /** Longest line a list or an object is shown on inline. */
    static final int INLINE = 160;
    /** Most records of a list shown one line each. */
    static final int RECORDS = 10;

    private ResultText() {
    }

    /**
     * @param full the option that prints the whole result, named where something is left out, e.g. {@code --full}
     */
    static void print(JsonNode result, PrintStream out, String full) {
        if (result == null || result.isNull()) {
            return;
        }
        if (!result.isObject()) {
            out.println("result    " + inline(result, Integer.MAX_VALUE, full));
            return;
        }
        out.println("result");
        int width = 4;
        for (Iterator<String> names = result.fieldNames(); names.hasNext(); ) {
            width = Math.max(width, names.next().length());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            String label = "  " + f.getKey() + " ".repeat(width - f.getKey().length()) + "  ";
            JsonNode v = f.getValue();
            if (v.isArray() && !v.isEmpty() && v.size() <= RECORDS && allObjects(v)) {
                out.println(label + v.size() + (v.size() == 1 ? " entry" : " entries"));
                int i = 0;
                for (JsonNode record : v) {
                    out.println("    " + (++i) + ". " + record(record));
                }
            } else {
                out.println(label + inline(v, INLINE, full));
            }
        }
    }

    /** A value on one line, or how many entries or fields it has and which option shows them. */
    static String inline(JsonNode v, int max, String full) {
        if (v.isValueNode() || v.isNull()) {
            return scalar(v);
        }
        String text;
        if (v.isArray() && scalars(v)) {
            List<String> items = new ArrayList<>();
            v.forEach(e -> items.add(scalar(e)));
            text = v.isEmpty() ? "none" : String.join(", ", items);
        } else {
            text = v.toString();
        }
        if (text.length() <= max) {
            return text;
        }
        return v.isArray() ? v.size() + " entries (" + full + " shows them)"
                : v.size() + " fields (" + full + " shows them)";
    }

    /** A record's scalar fields and short lists of scalars, {@code name value}; what is nested is left out. */
    static String record(JsonNode record) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode v = f.getValue();
            if (v.isValueNode() || v.isNull()) {
                parts.add(f.getKey() + " " + scalar(v));
            } else if (v.isArray() && scalars(v) && v.size() <= 8) {
                parts.add(f.getKey() + " " + inline(v, INLINE, ""));
            }
        }
        return String.join(", ", parts);
    }

    static String scalar(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return "none";
        }
        if (v.isFloatingPointNumber()) {
            double d = v.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.valueOf((long) d);
            }
            String s = String.format(Locale.ROOT, "%.6g", d);
            // 203.193 rather than 203.193000; 1.50000e-05 keeps its exponent
            if (!s.contains("e") && s.contains(".")) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            return s;
        }
        return v.asText();
    }

    private static boolean scalars(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isValueNode() && !e.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode e : array) {
            if (!e.isObject()) {
                return false;
            }
        }
        return true;
    }
}
