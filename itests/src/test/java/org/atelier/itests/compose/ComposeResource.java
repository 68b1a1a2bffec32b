package org.atelier.itests.compose;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atelier.api.JobStatus;
import org.atelier.api.Jobs;
import org.osgi.util.tracker.ServiceTracker;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/v1/itest-compose}: a vertical's own resource that starts jobs through the API's {@link Jobs} service
 * ({@code POST} {@code {"generator","input"}} → 202 with the job's Location) and reads them ({@code GET /{id}}).
 */
@Path("itest-compose")
@Produces(MediaType.APPLICATION_JSON)
public class ComposeResource {

    private final ServiceTracker<Jobs, Jobs> jobs;

    public ComposeResource(ServiceTracker<Jobs, Jobs> jobs) {
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public Response start(Map<String, Object> body, @Context SecurityContext security) {
        Object input = body.get("input");
        JobStatus job = jobs().submit(String.valueOf(body.get("generator")),
                input instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(), owner(security));
        return Response.accepted(view(job)).location(URI.create(job.location())).build();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> read(@PathParam("id") String id, @Context SecurityContext security) {
        return view(jobs().find(id, owner(security)).orElseThrow(() -> new NotFoundException("no job " + id)));
    }

    /** The platform's service as it is now: it may have left (a restart of the runtime). */
    private Jobs jobs() {
        Jobs j = jobs.getService();
        if (j == null) {
            throw new ServiceUnavailableException("jobs are not available now", 5L);
        }
        return j;
    }

    private static String owner(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        return p == null ? null : p.getName();
    }

    private static Map<String, Object> view(JobStatus job) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("generator", job.generator());
        m.put("state", job.state().name().toLowerCase(java.util.Locale.ROOT));
        m.put("owner", job.owner().orElse(null));
        m.put("location", job.location());
        return m;
    }
}
