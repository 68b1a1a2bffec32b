package org.atelier.rest.internal;

import java.util.List;
import java.util.Map;

import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v1/openapi.json}: an OpenAPI 3.1 description of the platform's endpoints and of every generator
 * present now, each with its input's JSON Schema, and of every JAX-RS whiteboard resource another bundle contributes
 * ({@code osgi.jakartars.resource=true}: a vertical's {@code /medical/voice/speak}, inference's {@code /models}),
 * described from its annotations by {@link ResourceDescriber}. It is made on each request from the services there
 * now, so it changes as generators and bundles come and go.
 */
@Component(service = OpenApiResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("openapi.json")
public class OpenApiResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);
    private static final String RESOURCES = "(" + JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE + "=true)";

    private final GeneratorRegistry registry;
    private final BundleContext context;
    private final ResourceDescriber describer = new ResourceDescriber(JSON);

    @Activate
    public OpenApiResource(@Reference GeneratorRegistry registry, BundleContext context) {
        this.registry = registry;
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode openApi() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Atelier").put("version", "1")
                .put("description", "AI-generated content platform: generators by vertical, jobs, artifacts with "
                        + "AIGC labels (GB 45438-2025), models and embeddings.");
        doc.putArray("servers").addObject().put("url", "/api/v1");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        schemas.set("Job", jobSchema());
        components.putObject("securitySchemes").putObject("apiKey").put("type", "http").put("scheme", "bearer")
                .put("description", "An API key: Authorization: Bearer KEY (atelier:keys, /keys)");
        doc.putArray("security").addObject().putArray("apiKey");
        ObjectNode paths = doc.putObject("paths");

        op(paths, "/verticals", "get", "Verticals and their generators", "platform", null, "200", "object");
        op(paths, "/jobs", "get", "Jobs, newest first (?state=&generator=&parent=&offset=&limit=; parent: a job's "
                + "sub-jobs)", "jobs", null, "200", "object");
        op(paths, "/jobs/{id}", "get", "One job", "jobs", null, "200", "#/components/schemas/Job");
        op(paths, "/jobs/{id}", "delete", "Cancel a job", "jobs", null, "200", "#/components/schemas/Job");
        op(paths, "/jobs/{id}/events", "get", "Server-Sent Events of a job", "jobs", null, "200", null);
        op(paths, "/artifacts/{id}", "get", "An artifact's bytes", "artifacts", null, "200", null);
        op(paths, "/artifacts/{id}/label", "get", "An artifact's AIGC label", "artifacts", null, "200", "object");
        op(paths, "/health/live", "get", "Liveness (no key needed)", "health", null, "200", "object")
                .putArray("security");
        op(paths, "/health/ready", "get", "Readiness (no key needed)", "health", null, "200", "object")
                .putArray("security");
        op(paths, "/metrics", "get", "Prometheus metrics (admin)", "platform", null, "200", null);
        op(paths, "/keys", "get", "API keys (admin)", "keys", null, "200", "array");
        op(paths, "/keys", "post", "Make an API key: {\"name\",\"role\":\"user|admin\"} (admin)", "keys",
                "object", "201", "object");
        op(paths, "/keys/{id}", "delete", "Revoke an API key (admin)", "keys", null, "200", "object");

        for (GeneratorInfo listed : registry.list()) {
            GeneratorInfo g;
            try {
                g = registry.describe(listed.vertical(), listed.id());
            } catch (RuntimeException leaving) {
                continue;
            }
            String name = "Input_" + g.vertical().replace('-', '_') + "_" + g.id().replace('-', '_');
            schemas.set(name, g.inputSchema());
            String path = "/" + g.vertical() + "/" + g.id();
            op(paths, path, "get", "Describe " + g.title(), g.vertical(), null, "200", "object");
            ObjectNode post = op(paths, path, "post", g.title(), g.vertical(), "#/components/schemas/" + name,
                    g.longRunning() ? "202" : "200", "#/components/schemas/Job");
            post.put("description", g.description() + (g.longRunning() ? " Runs as a job: follow its Location." : ""));
        }
        contributed(paths);
        return doc;
    }

    /** The resources other bundles register now; the platform's own (this bundle) are described above. */
    private void contributed(ObjectNode paths) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, RESOURCES);
        } catch (InvalidSyntaxException | IllegalStateException e) {
            return;
        }
        if (refs == null) {
            return;
        }
        Bundle own = context.getBundle();
        java.util.Arrays.sort(refs,
                java.util.Comparator.comparingLong(r -> ((Number) r.getProperty(Constants.SERVICE_ID)).longValue()));
        for (ServiceReference<?> ref : refs) {
            Bundle b = ref.getBundle();
            if (b == null || b.getBundleId() == own.getBundleId()) {
                continue; // gone meanwhile, or the platform's own
            }
            for (String type : (String[]) ref.getProperty(Constants.OBJECTCLASS)) {
                try {
                    Class<?> c = b.loadClass(type);
                    if (describer.describe(c, b.getSymbolicName(), paths) > 0) {
                        break;
                    }
                } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                    LOG.debug("Not described in OpenAPI: {} of {}", type, b.getSymbolicName(), e);
                }
            }
        }
    }

    private static ObjectNode op(ObjectNode paths, String path, String method, String summary, String tag,
                                 String requestSchema, String status, String responseSchema) {
        ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode op = item.putObject(method);
        op.put("summary", summary);
        op.putArray("tags").add(tag);
        ArrayNode params = null;
        for (String p : List.of("id", "vertical", "generator")) {
            if (path.contains("{" + p + "}")) {
                params = params == null ? op.putArray("parameters") : params;
                params.addObject().put("name", p).put("in", "path").put("required", true)
                        .putObject("schema").put("type", "string");
            }
        }
        if (requestSchema != null) {
            ObjectNode schema = op.putObject("requestBody").put("required", true).putObject("content")
                    .putObject("application/json").putObject("schema");
            if (requestSchema.startsWith("#")) {
                schema.put("$ref", requestSchema);
            } else {
                schema.put("type", requestSchema);
            }
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(status).put("description", "OK");
        if (responseSchema != null) {
            ObjectNode schema = ok.putObject("content").putObject("application/json").putObject("schema");
            if (responseSchema.startsWith("#")) {
                schema.put("$ref", responseSchema);
            } else {
                schema.put("type", responseSchema);
            }
        }
        ObjectNode problem = JSON.createObjectNode();
        problem.putObject("content").putObject(Rest.PROBLEM_JSON).putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        for (Map.Entry<String, String> e : Map.of("400", "Invalid input", "401", "No valid API key", "403",
                "The API key's role may not do this", "404", "Not found", "429", "Too many requests", "503",
                "Temporarily unavailable").entrySet()) {
            ObjectNode r = problem.deepCopy();
            r.put("description", e.getValue());
            responses.set(e.getKey(), r);
        }
        return op;
    }

    private static ObjectNode problemSchema() {
        ObjectNode s = JSON.createObjectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        for (String f : List.of("type", "title", "detail", "instance")) {
            p.putObject(f).put("type", "string");
        }
        p.putObject("status").put("type", "integer");
        ObjectNode errors = p.putObject("errors").put("type", "array").putObject("items").put("type", "object");
        errors.putObject("properties").putObject("field").put("type", "string");
        ((ObjectNode) errors.get("properties")).putObject("message").put("type", "string");
        return s;
    }

    private static ObjectNode jobSchema() {
        ObjectNode s = JSON.createObjectNode().put("type", "object");
        ObjectNode p = s.putObject("properties");
        for (String f : List.of("id", "generator", "message", "created", "finished", "owner")) {
            p.putObject(f).put("type", "string");
        }
        p.putObject("parent").put("type", "string").put("description", "the job that ran this one as a sub-job");
        p.putObject("details").put("type", "object")
                .put("description", "structured details of the last progress report (iteration, stage, …)");
        p.putObject("preview").put("type", "object")
                .put("description", "the job's current preview, an artifact that replaces the one before");
        p.putObject("state").put("type", "string").putArray("enum").add("queued").add("running").add("succeeded")
                .add("failed").add("cancelled");
        p.putObject("progress").put("type", "number");
        p.putObject("result");
        p.putObject("artifacts").put("type", "array").putObject("items").put("type", "object");
        return s;
    }
}
