package org.atelier.medical.voice.internal;

import java.util.List;
import java.util.Map;

import org.atelier.api.RestContributions;
import org.atelier.api.speech.SpeechSynthesizer;
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

/** {@code GET /api/v1/medical/voice/voices}: every voice of the speech engines present now. */
@Component(service = VoicesResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestContributions.JSON_SELECT)
@Path("medical/voice/voices")
public class VoicesResource {

    private final SpeechSynthesizer speech;

    @Activate
    public VoicesResource(@Reference SpeechSynthesizer speech) {
        this.speech = speech;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, String>> voices() {
        return speech.voices().stream().map(v -> Map.of("id", v.id(), "language", v.language(),
                "gender", v.gender().wireName(), "engine", v.engine(), "name", v.name())).toList();
    }
}
