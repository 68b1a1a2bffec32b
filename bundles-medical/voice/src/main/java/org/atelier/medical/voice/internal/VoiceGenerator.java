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
import org.atelier.api.speech.SpeechSynthesizer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code medical/voice}: speech kept as an artifact ({@code speech.wav}, labelled by the platform's store), with
 * the times of its words in the result. Live speech goes through {@code /api/v1/medical/voice/speak} instead.
 */
@Component(service = Generator.class)
public final class VoiceGenerator implements Generator<SpeakInput> {

    private final SpeechSynthesizer speech;

    @Activate
    public VoiceGenerator(@Reference SpeechSynthesizer speech) {
        this.speech = speech;
    }

    @Override
    public GeneratorDescriptor<SpeakInput> descriptor() {
        return GeneratorDescriptor.builder("medical", "voice", SpeakInput.class)
                .title("Voice for speech-impaired people")
                .description("Speaks text or SSML with the person's voice; the WAV is stored with word timings.")
                .outputMediaTypes("audio/wav").build();
    }

    @Override
    public Object generate(SpeakInput input, GenerationContext context) {
        if (input.profile() != null && !input.profile().isBlank()) {
            throw new InvalidInputException("profile", "stored speech does not take a profile yet; speak with it "
                    + "through POST /api/v1/medical/voice/speak");
        }
        Speech s = speech.speak(input.request());
        context.checkCancelled();
        try {
            context.writeArtifact("speech.wav", "audio/wav", s.wav());
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
}
