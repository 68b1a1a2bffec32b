package org.atelier.inference.internal;

import java.util.List;

import org.atelier.api.ModelInfo;
import org.atelier.api.ModelRegistry;
import org.atelier.api.RestContributions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/models}: list, describe, load and unload models. */
@Component(service = ModelsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestContributions.JSON_SELECT)
@Path("models")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.annotation.security.RolesAllowed("admin") // the platform's API key filter lets only admin keys in
public class ModelsResource {

    private final ModelRegistry models;

    @Activate
    public ModelsResource(@Reference ModelRegistry models) {
        this.models = models;
    }

    /** The list. */
    public record Models(List<ModelInfo> models) {
    }

    @GET
    public Models list() {
        return new Models(models.list());
    }

    @GET
    @Path("{id}")
    public ModelInfo describe(@PathParam("id") String id) {
        return models.describe(id);
    }

    @POST
    @Path("{id}/load")
    public ModelInfo load(@PathParam("id") String id) {
        return models.load(id);
    }

    @POST
    @Path("{id}/unload")
    public ModelInfo unload(@PathParam("id") String id) {
        return models.unload(id);
    }
}
