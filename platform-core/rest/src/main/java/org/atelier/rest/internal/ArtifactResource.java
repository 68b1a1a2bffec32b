package org.atelier.rest.internal;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.LinkedHashMap;
import java.util.Map;

import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.ArtifactLabel;
import org.atelier.runtime.GeneratorRegistry;
import org.atelier.runtime.StoredArtifact;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** {@code GET /api/v1/artifacts/{id}}: an artifact's bytes with its media type. */
@Component(service = ArtifactResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("artifacts")
public class ArtifactResource {

    private final GeneratorRegistry registry;

    @Activate
    public ArtifactResource(@Reference GeneratorRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        StoredArtifact artifact = registry.artifact(id).orElseThrow(
                () -> new ProblemException(404, "not-found", "Not found", "no artifact " + shorten(id)));
        ArtifactInfo info = artifact.info();
        StreamingOutput body = out -> {
            try (InputStream in = artifact.open()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, info.mediaType())
                .header("Content-Length", info.bytes())
                .header("ETag", "\"" + info.sha256() + "\"")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(info.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The artifact's AIGC label: {@code {"AIGC":{"Label",…},"embedded":true}}. */
    @GET
    @Path("{id}/label")
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public Map<String, Object> label(@PathParam("id") String id) {
        if (registry.artifact(id).isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", "no artifact " + shorten(id));
        }
        ArtifactLabel label = registry.artifactLabel(id).orElseThrow(() -> new ProblemException(409, "unlabelled",
                "No label", "artifact " + shorten(id) + " carries no AIGC label"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AIGC", label.label().fields());
        out.put("embedded", label.embedded());
        return out;
    }

    private static String shorten(String id) {
        String s = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return s.replaceAll("[^A-Za-z0-9._~-]", "?");
    }
}
