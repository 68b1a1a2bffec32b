package org.atelier.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Describes a JAX-RS resource class as OpenAPI operations from its annotations alone: {@code @Path} of the class and
 * its methods, the HTTP method, {@code @Produces}/{@code @Consumes}, path, query and header parameters, and the
 * entity parameter and return type as JSON Schemas made by victools with the options the generators' input schemas
 * use (Jakarta Validation constraints included). A method returning {@link Response} or a stream has no response
 * schema: its type does not say what the body is.
 */
final class ResourceDescriber {

    private final ObjectMapper json;
    private final SchemaGenerator schemas;

    ResourceDescriber(ObjectMapper json) {
        this.json = json;
        this.schemas = new SchemaGenerator(new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .build());
    }

    /**
     * Adds the operations of {@code resource} to {@code paths}.
     *
     * @param tag the OpenAPI tag (the contributing bundle)
     * @return how many operations were added
     */
    int describe(Class<?> resource, String tag, ObjectNode paths) {
        Path base = resource.getAnnotation(Path.class);
        if (base == null) {
            return 0;
        }
        int added = 0;
        List<Method> methods = Arrays.stream(resource.getMethods())
                .sorted(Comparator.comparing(Method::getName).thenComparing(Method::toGenericString)).toList();
        for (Method m : methods) {
            String verb = verb(m);
            Path sub = m.getAnnotation(Path.class);
            if (verb == null) {
                continue; // a sub-resource locator or a plain method
            }
            String path = join(base.value(), sub == null ? "" : sub.value());
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode op = item.putObject(verb);
            op.put("operationId", resource.getSimpleName() + "_" + m.getName());
            op.putArray("tags").add(tag);
            ArrayNode params = json.createArrayNode();
            Type entity = null;
            for (Parameter p : m.getParameters()) {
                if (in(p, params, path)) {
                    continue;
                }
                if (isContext(p)) {
                    continue;
                }
                entity = p.getParameterizedType();
            }
            if (!params.isEmpty()) {
                op.set("parameters", params);
            }
            if (entity != null) {
                ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
                for (String type : media(m.getAnnotation(Consumes.class), resource.getAnnotation(Consumes.class))) {
                    content.putObject(type).set("schema", schema(entity));
                }
            }
            ObjectNode ok = op.putObject("responses").putObject(m.getReturnType() == void.class ? "204" : "200")
                    .put("description", "OK");
            if (m.getReturnType() != void.class) {
                ObjectNode content = ok.putObject("content");
                JsonNode schema = describable(m.getReturnType()) ? schema(m.getGenericReturnType()) : null;
                for (String type : media(m.getAnnotation(Produces.class), resource.getAnnotation(Produces.class))) {
                    ObjectNode c = content.putObject(type);
                    if (schema != null) {
                        c.set("schema", schema);
                    }
                }
            }
            added++;
        }
        return added;
    }

    private JsonNode schema(Type type) {
        ObjectNode s = schemas.generateSchema(type);
        s.remove("$schema");
        return s;
    }

    private static boolean describable(Class<?> type) {
        return !Response.class.isAssignableFrom(type) && !StreamingOutput.class.isAssignableFrom(type)
                && !java.io.InputStream.class.isAssignableFrom(type) && type != byte[].class && type != Object.class;
    }

    private static List<String> media(Annotation onMethod, Annotation onClass) {
        String[] values = onMethod instanceof Produces p ? p.value() : onMethod instanceof Consumes c ? c.value()
                : onClass instanceof Produces p2 ? p2.value() : onClass instanceof Consumes c2 ? c2.value()
                : new String[] {"application/json"};
        return Arrays.stream(values).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList();
    }

    /** Adds {@code p} as a path, query or header parameter; false when it is not one. */
    private boolean in(Parameter p, ArrayNode params, String path) {
        String name;
        String where;
        if (p.getAnnotation(PathParam.class) != null) {
            name = p.getAnnotation(PathParam.class).value();
            where = "path";
        } else if (p.getAnnotation(QueryParam.class) != null) {
            name = p.getAnnotation(QueryParam.class).value();
            where = "query";
        } else if (p.getAnnotation(HeaderParam.class) != null) {
            name = p.getAnnotation(HeaderParam.class).value();
            where = "header";
        } else {
            return p.getAnnotation(CookieParam.class) != null || p.getAnnotation(MatrixParam.class) != null
                    || p.getAnnotation(FormParam.class) != null || p.getAnnotation(BeanParam.class) != null;
        }
        ObjectNode param = params.addObject().put("name", name).put("in", where)
                .put("required", where.equals("path"));
        param.set("schema", schema(p.getParameterizedType()));
        return true;
    }

    private static boolean isContext(Parameter p) {
        return p.getAnnotation(Context.class) != null || p.getAnnotation(Suspended.class) != null;
    }

    private static String verb(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class,
                HEAD.class, OPTIONS.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** {@code "medical/voice"} + {@code "{id: [a-z]+}"} → {@code "/medical/voice/{id}"} (regexes dropped). */
    static String join(String base, String sub) {
        String p = ("/" + base + "/" + sub).replaceAll("/+", "/");
        p = p.replaceAll("\\{\\s*([A-Za-z0-9_.-]+)\\s*:[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
