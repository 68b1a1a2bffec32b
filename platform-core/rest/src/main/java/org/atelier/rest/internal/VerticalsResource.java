package org.atelier.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atelier.runtime.GeneratorInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/verticals}: every vertical and its generators. */
@Component(service = VerticalsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(Rest.APP_SELECT)
@JakartarsExtensionSelect(Rest.JSON_SELECT)
@Path("verticals")
public class VerticalsResource {

    private final GeneratorRegistry registry;

    @Activate
    public VerticalsResource(@Reference GeneratorRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Dtos.Verticals verticals() {
        Map<String, List<Dtos.GeneratorSummary>> byVertical = new LinkedHashMap<>();
        for (GeneratorInfo g : registry.list()) {
            byVertical.computeIfAbsent(g.vertical(), v -> new ArrayList<>()).add(Dtos.summary(g));
        }
        List<Dtos.Vertical> out = new ArrayList<>();
        byVertical.forEach((name, generators) -> out.add(new Dtos.Vertical(name, generators)));
        return new Dtos.Verticals(out);
    }
}
