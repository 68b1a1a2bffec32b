package org.atelier.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.atelier.api.health.Starting;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
 * whiteboard has no failed application, resource or extension, and the database answers within
 * {@code databaseProbeSeconds} (PID {@code org.atelier.runtime}, default 2), and no boot-time engine is still starting
 * (no {@link Starting} service is registered: MaryTTS, espeak-ng, …); otherwise 503
 * {@code application/problem+json} with what is not ready.
 */
@Component(service = HealthResource.class, configurationPid = "org.atelier.runtime")
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("health")
@jakarta.annotation.security.PermitAll
public class HealthResource {

    /** The one key read here; the rest of {@code org.atelier.runtime} belongs to the runtime. */
    public @interface Config {
        int databaseProbeSeconds() default 2;
    }

    static final String DATABASE = "atelier";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;
    private final JakartarsServiceRuntime rest;
    private final DatabaseProbe probe = new DatabaseProbe();
    private volatile Duration probeTimeout;

    /** Optional: a missing data source is something readiness reports, not a reason for the endpoint to vanish. */
    @Reference(target = "(dataSourceName=" + DATABASE + ")", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    /** Boot-time engines still starting, registered by their bundles (the whiteboard of {@link Starting}). */
    private final List<Starting> starting = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStarting(Starting s) {
        starting.add(s);
    }

    void removeStarting(Starting s) {
        starting.remove(s);
    }

    @Activate
    public HealthResource(BundleContext context, @Reference ServiceComponentRuntime scr,
                          @Reference JakartarsServiceRuntime rest, Config config) {
        this.context = context;
        this.scr = scr;
        this.rest = rest;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        probeTimeout = Duration.ofSeconds(Math.max(1, config.databaseProbeSeconds()));
    }

    @Deactivate
    void deactivate() {
        probe.close();
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
        for (Starting s : starting) {
            problems.add(describe(s));
        }
        String database = probe.problem(dataSource, DATABASE, probeTimeout);
        if (database != null) {
            problems.add(database);
        }
        if (problems.isEmpty()) {
            return Response.ok(Map.of("status", "UP")).build();
        }
        return notReady(problems);
    }

    /** 503 problem+json: what is not ready, in {@code detail} and one by one in {@code problems}. */
    static Response notReady(List<String> problems) {
        return Response.status(503).type(Rest.PROBLEM_JSON).entity(notReadyBody(problems)).header("Retry-After", 2)
                .build();
    }

    static Map<String, Object> notReadyBody(List<String> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Rest.PROBLEM_BASE + "not-ready");
        body.put("title", "Not ready");
        body.put("status", 503);
        body.put("detail", String.join("; ", problems));
        body.put("instance", "/api/v1/health/ready");
        body.put("problems", problems);
        return body;
    }

    /** "MaryTTS (speech-synthesis, en) is starting"; an engine that answers badly is still named. */
    static String describe(Starting s) {
        try {
            String languages = s.languages().isEmpty() ? "" : ", " + String.join(", ", new java.util.TreeSet<>(
                    s.languages()));
            return s.name() + " (" + s.capability() + languages + ") is starting";
        } catch (RuntimeException e) {
            return "an engine is starting";
        }
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
