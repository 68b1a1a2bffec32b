package org.atelier.medical.voice.internal;

import org.atelier.api.InvalidInputException;
import org.atelier.api.RestContributions;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code POST /api/v1/medical/voice/speak {"text","language","voice","rate","ssml","lexicon","profile"}}: the speech
 * as {@code audio/wav}, streamed as it is synthesised (see {@link Speaker}). With a profile, the person's voice,
 * prosody, languages and lexicon apply (what the request sets wins), and what is said goes to their history when
 * they keep one.
 */
@Component(service = SpeakResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestContributions.JSON_SELECT)
@Path("medical/voice/speak")
public class SpeakResource {

    private final Speaker speaker;
    private final VoiceProfiles profiles;

    @Activate
    public SpeakResource(@Reference Speaker speaker, @Reference VoiceProfiles profiles) {
        this.speaker = speaker;
        this.profiles = profiles;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response speak(SpeakInput input, @Context SecurityContext security) throws InterruptedException {
        if (input == null || input.text() == null) {
            throw new InvalidInputException("text", "is missing: send {\"text\":\"…\"}");
        }
        SpeechRequest request = input.request();
        if (input.profile() == null || input.profile().isBlank()) {
            return speaker.stream(request, false, () -> { });
        }
        Caller caller = Caller.of(security);
        String profile = input.profile().strip();
        SpeechProfiles.Applied applied = profiles.apply(caller, profile, request);
        return speaker.stream(applied.request(), applied.explicitLabel(),
                () -> profiles.spoken(caller, profile, applied.request()));
    }
}
