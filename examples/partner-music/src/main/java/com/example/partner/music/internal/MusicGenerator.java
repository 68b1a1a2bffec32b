package com.example.partner.music.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.GeneratorLimits;
import org.atelier.api.InvalidInputException;
import org.osgi.service.component.annotations.Component;

/**
 * entertainment/music: composes a short piece for a mood, key, tempo and length (harmony, rhythm and a Markov
 * melody), writes it as a Standard MIDI File and renders it to WAV with the JDK's software synthesizer.
 * A job: rendering takes about a second per ten seconds of music.
 */
@Component(service = Generator.class)
public class MusicGenerator implements Generator<MusicInput> {

    static final String MIDI = "audio/midi";
    static final String WAV = "audio/wav";

    private final GeneratorDescriptor<MusicInput> descriptor = GeneratorDescriptor
            .builder("entertainment", "music", MusicInput.class)
            .title("AI composition")
            .description("Composes a piece with melody, chords and bass for a mood (happy, sad, calm, tense), key, "
                    + "tempo and number of bars; answers a MIDI file and its rendering as WAV. "
                    + "Give a seed to get the same piece again.")
            .outputMediaTypes(MIDI, WAV)
            .longRunning(true)
            // rendering keeps a core busy: two at a time on a small machine
            .limits(GeneratorLimits.of(2, 4096))
            .build();

    private final Composer composer = new Composer();
    private final MidiWriter midiWriter = new MidiWriter();
    private final WavRenderer renderer = new WavRenderer();
    private final SecureRandom seeds = new SecureRandom();

    @Override
    public GeneratorDescriptor<MusicInput> descriptor() {
        return descriptor;
    }

    @Override
    public Object generate(MusicInput input, GenerationContext context) {
        Mood mood = parse("mood", () -> Mood.parse(input.mood()));
        Key key = parse("key", () -> Key.parse(input.key()));
        int tempo = within("tempo", input.tempo(), 40, 240);
        int bars = within("bars", input.bars(), 1, 64);
        long seed = input.seed() != null ? input.seed() : seeds.nextLong();

        context.progress(0.02, "composing");
        Composition piece = composer.compose(key, mood, tempo, bars, seed);
        context.checkCancelled();

        context.progress(0.08, "writing MIDI");
        byte[] midi = midiWriter.write(piece);
        context.checkCancelled();

        context.progress(0.1, "rendering audio");
        try {
            byte[] wav = renderer.render(midi, piece.seconds(), context,
                    done -> context.progress(0.1 + 0.8 * done, "rendering audio"));
            context.checkCancelled();
            context.progress(0.92, "storing");
            Artifact midiArtifact = context.writeArtifact("music.mid", MIDI, midi);
            Artifact wavArtifact = context.writeArtifact("music.wav", WAV, wav);
            context.progress(1, "done");
            return summary(piece, midiArtifact, wavArtifact);
        } catch (IOException e) {
            throw new UncheckedIOException("could not render or store the music", e);
        }
    }

    private static MusicSummary summary(Composition piece, Artifact midi, Artifact wav) {
        List<String> progression = piece.cycle().stream().map(Chord::roman).toList();
        return new MusicSummary(piece.mood().toString(), piece.key().name(), piece.tempo(), piece.bars(),
                piece.mood().beatsPerBar() + "/4", progression, piece.progression().stream().map(Chord::name).toList(),
                piece.seed(), Math.round(piece.seconds() * 1000) / 1000.0, midi.id(), wav.id());
    }

    /** Checks a number that the platform has validated already, for direct callers. */
    private static int within(String field, Integer value, int min, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "must not be null");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** Parses a field that the platform has validated already; names the field if a direct caller did not. */
    private static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
