package org.atelier.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atelier.api.InvalidInputException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The platform's one way of reading JSON from a request: the strict binder (no coercion between strings, numbers
 * and booleans, no unknown or duplicate fields, nothing after the value), and plain-language errors that name the
 * field and what was expected, and never quote the parser. The generator binder, the JAX-RS JSON provider and the
 * platform's own resources all read through it, so every endpoint answers a wrong body the same way.
 */
public final class JsonInput {

    private static final ObjectMapper MAPPER = strict().build();

    private static final Pattern UNEXPECTED = Pattern.compile(
            "Unexpected character \\((.+?) \\(code \\d+\\)\\)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']{0,40})");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']{0,60})'");

    private JsonInput() {
    }

    /**
     * @return a builder with the platform's reading rules, for a caller that adds its own writing rules; strings,
     *         numbers and booleans are never coerced into one another
     */
    public static JsonMapper.Builder strict() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // ALLOW_COERCION_OF_SCALARS leaves strings out: 42 would still bind to a String as "42"
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }

    /** @return the shared strict mapper (thread-safe; do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * @param e what Jackson threw while reading a request body
     * @return the same as invalid input: the field (a JSON path, empty for the whole body) and a plain message
     */
    public static InvalidInputException invalid(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !(e instanceof MismatchedInputException mi && syntax(mi))) {
            String field = path(m);
            if (field.isEmpty() && m.getCause() instanceof JsonProcessingException cause) {
                return invalid(cause);
            }
            return new InvalidInputException(field, describe(m));
        }
        if (e instanceof MismatchedInputException mi && empty(mi)) {
            return new InvalidInputException("", "request body is empty; a JSON object is expected");
        }
        return new InvalidInputException("", malformed(e));
    }

    /**
     * @param e a syntax error in a request body
     * @return e.g. {@code malformed JSON at line 1, column 2: the object is not closed}, with nothing of the parser
     */
    public static String malformed(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "malformed JSON" + where + ": " + what(e);
    }

    private static boolean syntax(MismatchedInputException e) {
        return trailing(e) || empty(e);
    }

    private static boolean empty(MismatchedInputException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("No content to map");
    }

    private static boolean trailing(MismatchedInputException e) {
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Trailing token");
    }

    private static String what(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof MismatchedInputException mi && trailing(mi)) {
            return "only one JSON value is expected, with nothing after it";
        }
        if (e instanceof StreamConstraintsException) {
            return m.contains("depth") ? "nested too deeply" : "a value is too long";
        }
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            if (m.contains("close marker for Object")) {
                return "the object is not closed";
            }
            if (m.contains("close marker for Array")) {
                return "the array is not closed";
            }
            String lower = m.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("string value") || lower.contains("value_string") || lower.contains("quote")
                    || lower.contains("field name") || lower.contains("field_name")) {
                return "a string is not closed";
            }
            return "the body ends too early";
        }
        if (m.startsWith("No content to map") || m.contains("end-of-input")) {
            return "the body is empty; a JSON object is expected";
        }
        Matcher d = DUPLICATE.matcher(m);
        if (d.find()) {
            return "the field '" + d.group(1) + "' appears twice";
        }
        Matcher c = CLOSE_MARKER.matcher(m);
        if (c.find()) {
            return "unexpected '" + c.group(1) + "' where '" + c.group(2) + "' is expected";
        }
        Matcher u = UNEXPECTED.matcher(m);
        if (u.find()) {
            return "unexpected character " + u.group(1) + expected(m);
        }
        Matcher r = UNRECOGNIZED.matcher(m);
        if (r.find()) {
            return "unrecognized word '" + r.group(1) + "'; a value is expected (a string in double quotes, a number, "
                    + "an object, an array, true, false or null)";
        }
        if (m.contains("unquoted character") || m.contains("control character")) {
            return "a control character inside a string must be escaped";
        }
        if (m.contains("Leading zero")) {
            return "a number may not start with a zero";
        }
        if (m.contains("numeric value") || m.contains("Numeric value") || m.contains("number")) {
            return "a number is not valid";
        }
        if (m.contains("escape")) {
            return "a string has an invalid escape sequence";
        }
        if (m.contains("Invalid UTF-8") || m.contains("Invalid UTF")) {
            return "the body is not valid UTF-8";
        }
        return "the body is not well-formed JSON";
    }

    private static String expected(String m) {
        if (m.contains("double-quote to start field name")) {
            return ": a field name in double quotes is expected";
        }
        if (m.contains("comma to separate Object entries")) {
            return ": a comma or '}' is expected after a field";
        }
        if (m.contains("comma to separate Array entries")) {
            return ": a comma or ']' is expected after a value";
        }
        if (m.contains("colon to separate field name and value")) {
            return ": a colon is expected after a field name";
        }
        if (m.contains("expected a value") || m.contains("expected a valid value")) {
            return ": a value is expected (a string in double quotes, a number, an object, an array, true, false or "
                    + "null)";
        }
        return "";
    }

    /** @return the JSON path of the field a mapping error is about, such as {@code variants.count}; empty for the body */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            known.sort(null);
            return "unknown field" + (known.isEmpty() ? "" : "; known fields: " + String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause();
            return cause != null && cause.getMessage() != null ? cause.getMessage() : "invalid value";
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + typeName(f.getTargetType()) + ", got " + quote(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType()) + got(m.getOriginalMessage());
        }
        return "invalid value";
    }

    private static final Pattern GOT = Pattern.compile(
            "(?:from|coerce) (Integer|Floating-point|Boolean|String) value \\(([^)]{0,40})");

    private static String got(String message) {
        if (message == null) {
            return "";
        }
        Matcher g = GOT.matcher(message);
        if (g.find()) {
            return switch (g.group(1)) {
                case "String" -> ", got a string";
                default -> ", got " + g.group(2).replace("'", "");
            };
        }
        if (message.contains("Integer value") || message.contains("Floating-point value")) {
            return ", got a number";
        }
        if (message.contains("Boolean value")) {
            return ", got a boolean";
        }
        if (message.contains("from Object value") || message.contains("START_OBJECT")) {
            return ", got an object";
        }
        if (message.contains("from Array value") || message.contains("START_ARRAY")) {
            return ", got an array";
        }
        return "";
    }

    private static String quote(Object value) {
        String s = String.valueOf(value);
        if (s.length() > 40) {
            s = s.substring(0, 40) + "…";
        }
        return value instanceof String ? "\"" + s + "\"" : s;
    }

    /** @return a JSON type name for a Java type, so that no Java class name reaches the caller */
    public static String typeName(Class<?> t) {
        if (t == null) {
            return "a different value";
        }
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class || t == short.class
                || t == Short.class || t == byte.class || t == Byte.class || t == java.math.BigInteger.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class
                || t == java.math.BigDecimal.class || Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "a boolean";
        }
        if (t == String.class || t == char.class || t == Character.class) {
            return "a string";
        }
        if (t.isEnum()) {
            Object[] constants = t.getEnumConstants();
            List<String> names = new ArrayList<>();
            for (Object c : constants) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + names;
        }
        if (t.isArray() || java.util.Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        return "an object";
    }
}
