package org.atelier.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jakartars.runtime.dto.FailedResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/health/live}: the server answers. {@code /api/v1/health/ready}: every bundle is resolved, every
 * bundle with an activator or components is active, every
 * declarative-services component that is not waiting for optional configuration is satisfied, and the REST
 * whiteboard has no failed application, resource or extension; otherwise 503 with what is not ready.
 */
@Component(service = HealthResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("health")
@jakarta.annotation.security.PermitAll
public class HealthResource {

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final JakartarsServiceRuntime rest;

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr,
                          @Reference JakartarsServiceRuntime rest) {
        this.context = context;
        this.scr = scr;
        this.rest = rest;
    }

    @GET
    @Path("live")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GET
    @Path("ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            java.util.Dictionary<String, String> h = b.getHeaders("");
            boolean fragment = h.get(Constants.FRAGMENT_HOST) != null;
            boolean lazy = b.getState() == Bundle.STARTING
                    && Constants.ACTIVATION_LAZY.equals(h.get(Constants.BUNDLE_ACTIVATIONPOLICY));
            // a library (no activator, no components) serves its packages once resolved; the rest must run
            boolean runs = h.get(Constants.BUNDLE_ACTIVATOR) != null || h.get("Service-Component") != null;
            boolean ok = fragment || lazy || b.getState() == Bundle.ACTIVE
                    || (b.getState() == Bundle.RESOLVED && !runs);
            if (!ok) {
                problems.add("bundle " + b.getSymbolicName() + " is " + state(b.getState()));
            }
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
                    problems.add("component " + d.name + " lacks " + c.unsatisfiedReferences.length + " service(s): "
                            + String.join(", ", java.util.Arrays.stream(c.unsatisfiedReferences)
                            .map(r -> r.name).toList()));
                } else if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    problems.add("component " + d.name + " failed to activate");
                }
            }
        }
        RuntimeDTO dto = rest.getRuntimeDTO();
        for (FailedApplicationDTO f : dto.failedApplicationDTOs) {
            problems.add("REST application " + f.name + " failed (reason " + f.failureReason + ")");
        }
        for (FailedResourceDTO f : dto.failedResourceDTOs) {
            problems.add("REST resource " + f.name + " failed (reason " + f.failureReason + ")");
        }
        for (FailedExtensionDTO f : dto.failedExtensionDTOs) {
            problems.add("REST extension " + f.name + " failed (reason " + f.failureReason + ")");
        }
        if (problems.isEmpty()) {
            return Response.ok(Map.of("status", "UP")).build();
        }
        return Response.status(503).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("status", "DOWN", "problems", problems)).header("Retry-After", 2).build();
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.INSTALLED -> "installed, not resolved";
            case Bundle.RESOLVED -> "resolved, not started";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "in state " + s;
        };
    }
}
