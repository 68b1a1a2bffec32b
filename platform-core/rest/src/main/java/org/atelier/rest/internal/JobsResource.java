package org.atelier.rest.internal;

import java.util.List;

import org.atelier.api.InvalidInputException;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;
import org.atelier.runtime.NoSuchJobException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code /api/v1/jobs}: list ({@code ?state=&generator=&parent=&offset=&limit=}; {@code parent} lists a job's
 * sub-jobs), one job, cancel ({@code DELETE}) and its
 * Server-Sent Events ({@code /events}: an event {@code progress} at every change, {@code state} when it ends).
 */
@Component(service = JobsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {

    static final int MAX_LIMIT = 500;

    private final JobService jobs;

    @Activate
    public JobsResource(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    /** A page of jobs. */
    public record Page(List<Dtos.JobDto> jobs, int total, int offset, int limit) {
    }

    @GET
    public Page list(@QueryParam("state") String state, @QueryParam("generator") String generator,
                     @QueryParam("parent") String parent,
                     @QueryParam("offset") @DefaultValue("0") String offset,
                     @QueryParam("limit") @DefaultValue("50") String limit,
                     @Context SecurityContext security) {
        JobState s;
        try {
            s = JobState.parse(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", e.getMessage());
        }
        int o = number("offset", offset, 0, Integer.MAX_VALUE);
        int l = number("limit", limit, 1, MAX_LIMIT);
        JobService.Page page = jobs.list(s, generator == null || generator.isBlank() ? null : generator,
                AuthFilter.ownerFilter(security), parent == null || parent.isBlank() ? null : parent, o, l);
        return new Page(page.jobs().stream().map(Dtos::job).toList(), page.total(), o, l);
    }

    @GET
    @Path("{id}")
    public Dtos.JobDto get(@PathParam("id") String id, @Context SecurityContext security) {
        return Dtos.job(readable(id, security));
    }

    /** A job the caller may see: its own, or any for an admin; another's is as unknown as one that never was. */
    private Job readable(String id, SecurityContext security) {
        Job job = jobs.find(id).orElseThrow(() -> new NoSuchJobException(id));
        if (!AuthFilter.mayRead(security, job.owner())) {
            throw new NoSuchJobException(id);
        }
        return job;
    }

    @DELETE
    @Path("{id}")
    public Dtos.JobDto cancel(@PathParam("id") String id, @Context SecurityContext security) {
        readable(id, security);
        return Dtos.job(jobs.cancel(id));
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse,
                       @Context SecurityContext security) {
        readable(id, security);
        JobEventStream.open(jobs, id, sink, sse);
    }

    private static int number(String field, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new InvalidInputException(field, "must be from " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a whole number");
        }
    }
}
