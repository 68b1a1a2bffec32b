package org.atelier.medical.voice.internal;

import org.atelier.api.RestContributions;
import org.atelier.medical.voice.internal.predict.Predictor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/v1/medical/voice/predict?text=…&language=en&limit=5}: word prediction from the base corpus alone,
 * for someone without a profile (a profile's own is at {@code /profiles/{id}/predict}).
 */
@Component(service = PredictResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestContributions.JSON_SELECT)
@Path("medical/voice/predict")
@Produces(MediaType.APPLICATION_JSON)
public class PredictResource {

    private final VoiceProfiles profiles;

    @Activate
    public PredictResource(@Reference VoiceProfiles profiles) {
        this.profiles = profiles;
    }

    @GET
    public Predictor.Prediction predict(@QueryParam("text") @DefaultValue("") String text,
                                        @QueryParam("language") String language,
                                        @QueryParam("limit") @DefaultValue("5") int limit,
                                        @Context SecurityContext security) {
        return profiles.predict(Caller.of(security), null, language, text, limit);
    }
}
