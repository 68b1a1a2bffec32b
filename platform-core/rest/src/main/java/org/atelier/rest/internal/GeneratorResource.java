package org.atelier.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.atelier.runtime.Bodies;
import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.atelier.runtime.InputTooLargeException;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobState;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every generator's endpoint: {@code GET /api/v1/{vertical}/{generator}} describes it with its input schema,
 * {@code POST} runs it with a JSON body and answers with the job.
 */
@Component(service = GeneratorResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("{vertical}/{generator}")
public class GeneratorResource {

    private final GeneratorRegistry registry;

    @Activate
    public GeneratorResource(@Reference GeneratorRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dtos.Descriptor describe(@PathParam("vertical") String vertical, @PathParam("generator") String generator) {
        return Dtos.descriptor(registry.describe(vertical, generator));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@PathParam("vertical") String vertical, @PathParam("generator") String generator,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                        @jakarta.ws.rs.core.Context jakarta.ws.rs.core.SecurityContext security, InputStream body)
            throws IOException {
        GeneratorInfo info;
        try {
            info = registry.describe(vertical, generator);
        } catch (RuntimeException e) {
            // read what the client sent, so the connection stays usable for its next request
            discard(body);
            throw e;
        }
        long limit = info.maxInputBytes();
        if (contentLength != null && contentLength > limit) {
            throw new InputTooLargeException(limit);
        }
        byte[] json = Bodies.readAtMost(body, limit);
        Job job = registry.invoke(vertical, generator, json, AuthFilter.caller(security));
        Dtos.JobDto dto = Dtos.job(job);
        if (job.state() == JobState.FAILED) {
            throw new ProblemException(500, "generator-failed", "Generator failed", job.message(), dto);
        }
        if (!job.state().finished()) {
            // long work: the job runs on; follow it at its Location
            return Response.accepted(dto).location(URI.create("/api/v1/jobs/" + job.id())).build();
        }
        return Response.ok(dto).build();
    }

    /** Reads and drops up to 1 MiB of a body that will not be used; a larger one closes the connection. */
    private static void discard(InputStream body) {
        try {
            byte[] buf = new byte[8192];
            long left = 1 << 20;
            for (int n; left > 0 && (n = body.read(buf, 0, (int) Math.min(buf.length, left))) != -1; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the client went away
        }
    }
}
