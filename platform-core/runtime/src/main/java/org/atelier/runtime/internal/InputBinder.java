package org.atelier.runtime.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Turns a JSON body into a generator's validated input, and describes input types as JSON Schema. Every error
 * names the offending field as a JSON path and never leaks a Java type name.
 */
final class InputBinder implements AutoCloseable {

    private final ObjectMapper mapper;
    private final ValidatorFactory validatorFactory;
    private final Validator validator;
    private final SchemaGenerator schemaGenerator;

    InputBinder() {
        this.mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        // Hibernate Validator is bootstrapped by type, not through ServiceLoader, which does not see across bundles;
        // the parameter interpolator needs no expression language.
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(HibernateValidator.class.getClassLoader());
        try {
            this.validatorFactory = Validation.byProvider(HibernateValidator.class)
                    .providerResolver(() -> List.of(new HibernateValidator()))
                    .configure()
                    .messageInterpolator(new ParameterMessageInterpolator())
                    .buildValidatorFactory();
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
        this.validator = validatorFactory.getValidator();
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS));
        this.schemaGenerator = new SchemaGenerator(config.build());
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /**
     * @param json the request body
     * @param type the input type
     * @return the bound, validated input
     * @throws InvalidInputException naming every offending field
     */
    <I> I bind(byte[] json, Class<I> type) {
        if (json == null || isBlank(json)) {
            throw new InvalidInputException("", "request body is empty; a JSON object is expected");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (StreamReadException e) {
            throw new InvalidInputException("", "malformed JSON" + location(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("", "malformed JSON: only one JSON object is expected, with nothing after it");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException("", "a JSON object is expected, not " + kind(tree));
        }
        I input;
        try {
            input = mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(path(e), describe(e));
        } catch (IOException e) {
            throw new InvalidInputException("", "the request body could not be read as JSON");
        }
        if (input == null) {
            throw new InvalidInputException("", "a JSON object is expected");
        }
        Set<ConstraintViolation<I>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .collect(Collectors.toList());
            throw new InvalidInputException(errors);
        }
        return input;
    }

    /** @return JSON Schema (draft 2020-12) of an input type */
    ObjectNode schema(Class<?> type) {
        return schemaGenerator.generateSchema(type);
    }

    /** @return a generator's result as JSON */
    JsonNode toJson(Object result) {
        return result == null ? null : mapper.valueToTree(result);
    }

    @Override
    public void close() {
        validatorFactory.close();
    }

    private static boolean isBlank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    static String path(JsonMappingException e) {
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
            return "expected " + typeName(m.getTargetType());
        }
        return "invalid value";
    }

    private static String quote(Object value) {
        String s = String.valueOf(value);
        if (s.length() > 40) {
            s = s.substring(0, 40) + "…";
        }
        return value instanceof String ? "\"" + s + "\"" : s;
    }

    /** A JSON type name for a Java type, so that no Java class name reaches the caller. */
    static String typeName(Class<?> t) {
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
