package org.atelier.medical.voice.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.labels.LiveLabels;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.ws.rs.NotFoundException;

/**
 * {@code medical/voice}: speech kept as an artifact ({@code speech.wav}, labelled by the platform's store), with
 * the times of its words in the result. Live speech goes through {@code /api/v1/medical/voice/speak} instead.
 */
@Component(service = Generator.class)
public final class VoiceGenerator implements Generator<SpeakInput> {

    private final SpeechSynthesizer speech;
    private final VoiceProfiles profiles;
    private final LiveLabels labels;

    @Activate
    public VoiceGenerator(@Reference SpeechSynthesizer speech, @Reference VoiceProfiles profiles,
                          @Reference LiveLabels labels) {
        this.speech = speech;
        this.profiles = profiles;
        this.labels = labels;
    }

    @Override
    public GeneratorDescriptor<SpeakInput> descriptor() {
        return GeneratorDescriptor.builder("medical", "voice", SpeakInput.class)
                .title("Voice for speech-impaired people")
                .description("Speaks text or SSML with the person's voice (a profile of the caller's own, when named); "
                        + "the WAV is stored with word timings.")
                .outputMediaTypes("audio/wav")
                .inputLimit("text", speech::maxTextChars).build();
    }

    @Override
    public Object generate(SpeakInput input, GenerationContext context) {
        SpeechRequest request = input.request();
        boolean cue = false;
        String profile = input.profile() == null || input.profile().isBlank() ? null : input.profile().strip();
        // a job speaks with its caller's own profiles (the shell's with any)
        Caller caller = context.owner().map(k -> new Caller(k, false)).orElse(Caller.SHELL);
        if (profile != null) {
            SpeechProfiles.Applied applied;
            try {
                applied = profiles.apply(caller, profile, request);
            } catch (NotFoundException e) {
                throw new InvalidInputException("profile", e.getMessage());
            }
            request = applied.request();
            cue = applied.explicitLabel();
        }
        Speech s = speech.speak(request);
        context.checkCancelled();
        if (profile != null) {
            profiles.spoken(caller, profile, request);
        }
        byte[] wav = s.wav();
        if (cue) {
            // the person chose an audible label: it goes before their speech, as when they speak live
            byte[] audio = concat(labels.audioCue(s.sampleRate()), Speech.pcm(s.samples()));
            wav = concat(Speech.wavHeader(s.sampleRate(), audio.length / 2), audio);
        }
        try {
            context.writeArtifact("speech.wav", "audio/wav", wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("voice", s.voice().id());
        out.put("durationMs", s.durationMs());
        out.put("words", s.words().stream().map(w -> Map.of("word", w.text(), "startMs", w.startMs(),
                "endMs", w.endMs())).toList());
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
