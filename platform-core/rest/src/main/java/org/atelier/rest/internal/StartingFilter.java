package org.atelier.rest.internal;

import org.atelier.runtime.ApiKeys;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

/**
 * While the database is awaited the platform's services (the API key store, the registry, the verticals' stores)
 * have not started, so their resources are not there yet: every request but {@code /health/*} then answers 503 +
 * {@code Retry-After} ("starting"), not a 404 or 401 that would send the caller looking for a mistake. Before
 * matching, so that a resource that is not registered yet is covered too.
 */
@Component(service = ContainerRequestFilter.class)
@JakartarsExtension
@JakartarsName("atelier.starting")
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class StartingFilter implements ContainerRequestFilter {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ApiKeys keys;

    @Override
    public void filter(ContainerRequestContext request) {
        if (keys != null || isHealth(request.getUriInfo().getPath())) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        Response.ResponseBuilder b = Response.status(503).type(Rest.PROBLEM_JSON).header("Retry-After", 2)
                .entity(new Problem(Rest.PROBLEM_BASE + "starting", "Starting", 503,
                        "Atelier is starting: the database is awaited (see /api/v1/health/ready)", path, null, null));
        if (request.hasEntity()) {
            b.header("Connection", "close"); // the body is refused unread, as AuthFilter does
        }
        request.abortWith(b.build());
    }

    /** {@code health/live}, {@code /health/ready}: relative to the application, with or without a leading slash. */
    static boolean isHealth(String relative) {
        String p = relative == null ? "" : relative.startsWith("/") ? relative.substring(1) : relative;
        return p.equals("health") || p.startsWith("health/");
    }
}
