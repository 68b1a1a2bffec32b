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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
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

    /**
     * The artifact's bytes, whole or one byte range ({@code Range: bytes=FIRST-LAST}, {@code bytes=FIRST-},
     * {@code bytes=-SUFFIX}), as audio and video players ask for them.
     */
    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @HeaderParam("Range") String range,
                        @Context SecurityContext security) {
        StoredArtifact artifact = readable(id, security);
        ArtifactInfo info = artifact.info();
        long size = info.bytes();
        long[] span = range == null ? null : span(range, size);
        long from = span == null ? 0 : span[0];
        long length = span == null ? size : span[1] - span[0] + 1;
        // opened before the status is sent: a file removed meanwhile is a 404, not a cut-off 200
        InputStream opened;
        try {
            opened = artifact.open();
        } catch (java.io.IOException e) {
            throw new ProblemException(404, "not-found", "Not found", "no artifact " + shorten(id));
        }
        StreamingOutput body = out -> {
            try (InputStream in = opened) {
                in.skipNBytes(from);
                byte[] buf = new byte[64 * 1024];
                long left = length;
                for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) != -1; ) {
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        };
        Response.ResponseBuilder b = (span == null ? Response.ok(body, info.mediaType())
                : Response.status(206).entity(body).type(info.mediaType())
                        .header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size))
                .header("Content-Length", length)
                .header("Accept-Ranges", "bytes")
                .header("ETag", "\"" + info.sha256() + "\"")
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(info.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff");
        return b.build();
    }

    /** The first and last byte of a single range; a header this cannot serve gets 416. */
    static long[] span(String header, long size) {
        String h = header.trim();
        if (!h.startsWith("bytes=") || h.contains(",")) {
            throw unsatisfiable(size, "only one byte range is served: bytes=FIRST-LAST");
        }
        String spec = h.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw unsatisfiable(size, "a range is bytes=FIRST-LAST");
        }
        try {
            String a = spec.substring(0, dash).trim();
            String z = spec.substring(dash + 1).trim();
            long first;
            long last;
            if (a.isEmpty()) {
                long suffix = Long.parseLong(z);
                if (suffix <= 0) {
                    throw unsatisfiable(size, "an empty range");
                }
                first = Math.max(0, size - suffix);
                last = size - 1;
            } else {
                first = Long.parseLong(a);
                last = z.isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(z));
            }
            if (first < 0 || first >= size || last < first) {
                throw unsatisfiable(size, "the range is outside the artifact's " + size + " bytes");
            }
            return new long[] {first, last};
        } catch (NumberFormatException e) {
            throw unsatisfiable(size, "a range is bytes=FIRST-LAST with whole numbers");
        }
    }

    private static ProblemException unsatisfiable(long size, String detail) {
        return new ProblemException(416, "range-not-satisfiable", "Range not satisfiable", detail)
                .header("Content-Range", "bytes */" + size);
    }

    /** The artifact's AIGC label: {@code {"AIGC":{"Label",…},"embedded":true}}. */
    @GET
    @Path("{id}/label")
    @jakarta.ws.rs.Produces(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
    public Map<String, Object> label(@PathParam("id") String id, @Context SecurityContext security) {
        readable(id, security);
        ArtifactLabel label = registry.artifactLabel(id).orElseThrow(() -> new ProblemException(409, "unlabelled",
                "No label", "artifact " + shorten(id) + " carries no AIGC label"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AIGC", label.label().fields());
        out.put("embedded", label.embedded());
        return out;
    }

    /** An artifact of the caller's jobs, or any for an admin; another's is as unknown as one that never was. */
    private StoredArtifact readable(String id, SecurityContext security) {
        return registry.artifact(id).filter(a -> AuthFilter.mayRead(security, a.owner())).orElseThrow(
                () -> new ProblemException(404, "not-found", "Not found", "no artifact " + shorten(id)));
    }

    private static String shorten(String id) {
        String s = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return s.replaceAll("[^A-Za-z0-9._~-]", "?");
    }
}
