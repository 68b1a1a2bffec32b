package com.example.partner.music.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

import org.atelier.api.GenerationCancelledException;
import org.atelier.api.InvalidInputException;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

class MusicGeneratorTest {

    private final MusicGenerator generator = new MusicGenerator();

    private Run run(MusicInput input) {
        RecordingContext context = new RecordingContext();
        MusicSummary summary = (MusicSummary) generator.generate(input, context);
        return new Run(summary, context.artifact("music.mid").content(), context.artifact("music.wav").content(),
                context);
    }

    record Run(MusicSummary summary, byte[] midi, byte[] wav, RecordingContext context) {
    }

    @Test
    void describesALongRunningGeneratorOfMidiAndWav() {
        assertThat(generator.descriptor().qualifiedId()).isEqualTo("entertainment/music");
        assertThat(generator.descriptor().longRunning()).isTrue();
        assertThat(generator.descriptor().outputMediaTypes()).containsExactly("audio/midi", "audio/wav");
        assertThat(generator.descriptor().inputType()).isEqualTo(MusicInput.class);
    }

    @Test
    void theSameInputAndSeedGiveByteIdenticalFiles() {
        Run a = run(new MusicInput("happy", "G", 132, 4, 42L));
        Run b = run(new MusicInput("happy", "G", 132, 4, 42L));
        Run c = run(new MusicInput("happy", "G", 132, 4, 43L));

        assertThat(b.midi()).isEqualTo(a.midi());
        assertThat(b.wav()).isEqualTo(a.wav());
        assertThat(b.summary()).isEqualTo(a.summary());
        assertThat(c.midi()).isNotEqualTo(a.midi());
        assertThat(a.summary().seed()).isEqualTo(42L);
    }

    @Test
    void withoutASeedItPicksOneAndReportsIt() {
        Run first = run(new MusicInput("calm", "D", 90, 2, null));
        Run again = run(new MusicInput("calm", "D", 90, 2, first.summary().seed()));

        assertThat(again.midi()).isEqualTo(first.midi());
    }

    @Test
    void theMidiFileCarriesTempoMetreKeyAndExactlyTheBarsAsked() throws Exception {
        Run r = run(new MusicInput("tense", "C#m", 150, 6, 5L));
        Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(r.midi()));

        assertThat(MidiSystem.getMidiFileFormat(new ByteArrayInputStream(r.midi())).getType()).isEqualTo(1);
        assertThat(seq.getTracks()).hasSize(4);
        assertThat(seq.getResolution()).isEqualTo(Composition.PPQ);
        assertThat(seq.getTickLength()).isEqualTo(6L * 4 * Composition.PPQ);
        assertThat(seq.getMicrosecondLength() / 1e6).isCloseTo(6 * 4 * 60.0 / 150, within(0.01));
        MetaMessage tempo = meta(seq.getTracks()[0], MidiWriter.TEMPO);
        byte[] t = tempo.getData();
        int mpq = (t[0] & 0xff) << 16 | (t[1] & 0xff) << 8 | t[2] & 0xff;
        assertThat(60_000_000.0 / mpq).isCloseTo(150, within(0.01));
        assertThat(meta(seq.getTracks()[0], MidiWriter.TIME_SIGNATURE).getData()).startsWith(4, 2);
        assertThat(meta(seq.getTracks()[0], MidiWriter.KEY_SIGNATURE).getData()).containsExactly(4, 1);
        assertThat(r.summary().bars()).isEqualTo(6);
        assertThat(r.summary().timeSignature()).isEqualTo("4/4");
        assertThat(r.summary().chords()).hasSize(6).endsWith("C#m");
        assertThat(r.summary().durationSeconds()).isEqualTo(9.6);
    }

    @Test
    void everyNoteIsInTheKeyExceptTheLeadingToneOfAHarmonicDominant() throws Exception {
        for (String mood : List.of("happy", "sad", "calm", "tense")) {
            for (String keyName : List.of("C", "F#", "Bb", "Am", "C#m", "Ebm")) {
                Key key = Key.parse(keyName);
                Set<Integer> allowed = new HashSet<>();
                for (int pc : key.scale()) {
                    allowed.add(pc);
                }
                Set<Integer> played = pitchClasses(new Composer().compose(key, Mood.parse(mood), 120, 8, 99));
                if (key.minor() && Mood.parse(mood).harmonicDominant()) {
                    allowed.add(key.leadingTone());
                }
                assertThat(allowed).as(mood + " in " + keyName).containsAll(played);
            }
        }
        Sequence tense = MidiSystem.getSequence(new ByteArrayInputStream(
                run(new MusicInput("tense", "Am", 120, 4, 1L)).midi()));
        assertThat(noteOns(tense)).as("the V chord of A minor has G#").contains(8);
    }

    @Test
    void theWavLastsThePieceAndIsNotSilent() throws Exception {
        Run r = run(new MusicInput("sad", "Dm", 80, 3, 12L));
        AudioFileFormat file = AudioSystem.getAudioFileFormat(new ByteArrayInputStream(r.wav()));
        AudioFormat format = file.getFormat();

        assertThat(file.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(format.getSampleRate()).isEqualTo(44_100f);
        double seconds = file.getFrameLength() / format.getFrameRate();
        double music = 3 * 4 * 60.0 / 80;
        assertThat(seconds).isCloseTo(music + WavRenderer.RELEASE_SECONDS, within(0.01));
        assertThat(rms(r.wav(), 44, (int) (music * 44_100))).as("RMS of the music, full scale 1").isGreaterThan(0.01);
    }

    @Test
    void reportsProgressThroughItsStagesAndStopsWhenCancelled() {
        Run r = run(new MusicInput("happy", "E", 140, 2, 3L));
        assertThat(r.context().progress()).isSorted().last().isEqualTo(1.0);
        assertThat(r.context().messages()).contains("composing", "writing MIDI", "rendering audio", "done");

        RecordingContext cancelled = new RecordingContext();
        cancelled.cancel();
        assertThatThrownBy(() -> generator.generate(new MusicInput("happy", "E", 140, 2, 3L), cancelled))
                .isInstanceOf(GenerationCancelledException.class);
        assertThat(cancelled.artifacts()).isEmpty();
    }

    @Test
    void invalidInputIsRejectedNamingTheField() {
        Validator validator = jakarta.validation.Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        assertThat(violations(validator, new MusicInput("happy", "C", 120, 8, null))).isEmpty();
        assertThat(violations(validator, new MusicInput("angry", "C", 120, 8, null)))
                .containsExactly("mood: must be one of happy, sad, calm, tense");
        assertThat(violations(validator, new MusicInput("happy", "H", 120, 8, null)))
                .singleElement().asString().startsWith("key: must be a major or minor key");
        assertThat(violations(validator, new MusicInput("happy", "E#", 120, 8, null))).hasSize(1);
        assertThat(violations(validator, new MusicInput("happy", "C", 39, 8, null)))
                .containsExactly("tempo: must be greater than or equal to 40");
        assertThat(violations(validator, new MusicInput("happy", "C", 241, 65, null)))
                .containsExactlyInAnyOrder("tempo: must be less than or equal to 240",
                        "bars: must be less than or equal to 64");
        assertThat(violations(validator, new MusicInput(null, null, null, 0, null)))
                .containsExactlyInAnyOrder("mood: must not be null", "key: must not be null",
                        "tempo: must not be null", "bars: must be greater than or equal to 1");

        // a caller that skips the platform's validation gets the same field names
        assertThatThrownBy(() -> generator.generate(new MusicInput("happy", "E#", 120, 8, 1L), new RecordingContext()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("key"));
        assertThatThrownBy(() -> generator.generate(new MusicInput("happy", "C", 120, 0, 1L), new RecordingContext()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("bars: must be between 1 and 64"));
    }

    private static List<String> violations(Validator validator, MusicInput input) {
        return validator.validate(input).stream()
                .map((ConstraintViolation<MusicInput> v) -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(Collectors.toList());
    }

    private static Set<Integer> pitchClasses(Composition piece) {
        Set<Integer> pcs = new HashSet<>();
        for (List<Note> part : List.of(piece.melody(), piece.chords(), piece.bass())) {
            part.forEach(n -> pcs.add(n.pitch() % 12));
        }
        return pcs;
    }

    private static Set<Integer> noteOns(Sequence seq) {
        Set<Integer> pcs = new HashSet<>();
        for (Track track : seq.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiMessage m = track.get(i).getMessage();
                if (m instanceof ShortMessage s && s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0) {
                    pcs.add(s.getData1() % 12);
                }
            }
        }
        return pcs;
    }

    private static MetaMessage meta(Track track, int type) {
        for (int i = 0; i < track.size(); i++) {
            if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == type) {
                return m;
            }
        }
        throw new AssertionError("no meta event " + type);
    }

    /** Root mean square of 16-bit mono samples after a header, full scale 1. */
    private static double rms(byte[] wav, int headerBytes, int frames) {
        ByteBuffer b = ByteBuffer.wrap(wav, headerBytes, frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        for (int i = 0; i < frames; i++) {
            double s = b.getShort() / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / frames);
    }
}
