package org.atelier.runtime.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;
import org.atelier.runtime.JsonInput;
import org.hibernate.validator.HibernateValidator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        this.mapper = JsonInput.mapper();
        // Hibernate Validator is bootstrapped by type, not through ServiceLoader, which does not see across bundles;
        // the plain interpolator needs no expression language.
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(HibernateValidator.class.getClassLoader());
        try {
            this.validatorFactory = Validation.byProvider(HibernateValidator.class)
                    .providerResolver(() -> List.of(new HibernateValidator()))
                    .configure()
                    .messageInterpolator(new PlainMessageInterpolator())
                    .buildValidatorFactory();
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
        this.validator = validatorFactory.getValidator();
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                // a map's entries are its properties: {"lexicon":{"GIF":"jif"}} is allowed, with string values
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
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
        } catch (JsonProcessingException e) {
            throw JsonInput.invalid(e);
        } catch (IOException e) {
            throw new InvalidInputException("", "the request body could not be read as JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidInputException("", "a JSON object is expected, not " + kind(tree));
        }
        I input;
        try {
            input = mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw JsonInput.invalid(e);
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


    /**
     * @param base an input type's schema
     * @param limits limits by JSON path, as the generator enforces them now
     * @return a copy of the schema that states each limit where it is stricter than the type's annotations
     */
    static ObjectNode withLimits(ObjectNode base, Map<String, LongSupplier> limits) {
        if (limits.isEmpty()) {
            return base;
        }
        ObjectNode schema = base.deepCopy();
        limits.forEach((field, max) -> {
            ObjectNode node = property(schema, field);
            if (node != null) {
                limit(node, max.getAsLong());
            }
        });
        return schema;
    }

    /** @return the schema of the property at a dotted path, its {@code $ref}s inlined so that a change stays local */
    private static ObjectNode property(ObjectNode root, String path) {
        ObjectNode node = root;
        for (String name : path.split("\\.")) {
            ObjectNode props = node.get("properties") instanceof ObjectNode o ? o : null;
            if (props == null || !(props.get(name) instanceof ObjectNode child)) {
                return null;
            }
            if (child.has("$ref")) {
                ObjectNode target = resolve(root, child.get("$ref").asText());
                if (target == null) {
                    return null;
                }
                ObjectNode inlined = target.deepCopy();
                child.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        inlined.set(e.getKey(), e.getValue());
                    }
                });
                props.set(name, inlined);
                child = inlined;
            }
            node = child;
        }
        return node;
    }

    private static ObjectNode resolve(ObjectNode root, String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonNode n = root.at(ref.substring(1));
        return n instanceof ObjectNode o ? o : null;
    }

    private static void limit(ObjectNode node, long max) {
        String keyword = switch (node.path("type").asText()) {
            case "string" -> "maxLength";
            case "integer", "number" -> "maximum";
            case "array" -> "maxItems";
            case "object" -> "maxProperties";
            default -> null;
        };
        if (keyword == null) {
            return;
        }
        JsonNode old = node.get(keyword);
        if (old == null || !old.isNumber() || old.decimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            node.put(keyword, max);
        }
    }
}
