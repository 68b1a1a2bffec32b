package com.example.partner.music.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ComposerTest {

    private final Composer composer = new Composer();

    @Test
    void everyRhythmFillsExactlyOneBar() {
        for (Mood mood : Mood.values()) {
            int sixteenths = mood.beatsPerBar() * 4;
            Stream.concat(mood.melodyRhythms().stream(), Stream.of(mood.chordRhythm(), mood.bassRhythm()))
                    .forEach(r -> assertThat(Arrays.stream(r).map(Math::abs).sum()).as(mood + " " + Arrays.toString(r))
                            .isEqualTo(sixteenths));
        }
    }

    @Test
    void theSameSeedComposesTheSamePieceAndAnotherSeedAnother() {
        Composition a = composer.compose(Key.parse("G"), Mood.HAPPY, 120, 8, 7);
        Composition b = composer.compose(Key.parse("G"), Mood.HAPPY, 120, 8, 7);
        Composition c = composer.compose(Key.parse("G"), Mood.HAPPY, 120, 8, 8);

        assertThat(b.melody()).isEqualTo(a.melody());
        assertThat(b.chords()).isEqualTo(a.chords());
        assertThat(c.melody()).isNotEqualTo(a.melody());
    }

    @Test
    void progressionsFollowTheMoodAndEndOnTheTonic() {
        for (long seed = 0; seed < 20; seed++) {
            Composition happy = composer.compose(Key.parse("C"), Mood.HAPPY, 120, 9, seed);
            List<String> cycle = happy.cycle().stream().map(Chord::roman).toList();
            assertThat(happy.progression().subList(0, 8)).isEqualTo(List.of(happy.cycle(), happy.cycle()).stream()
                    .flatMap(List::stream).toList());
            assertThat(cycle).isIn(List.of("I", "V", "vi", "IV"), List.of("I", "IV", "V", "I"),
                    List.of("I", "vi", "IV", "V"));
            assertThat(happy.progression().get(8).roman()).isEqualTo("I");

            Composition sad = composer.compose(Key.parse("Am"), Mood.SAD, 70, 4, seed);
            assertThat(sad.cycle().stream().map(Chord::toString).toList())
                    .isIn(List.of("i Am", "iv Dm", "v Em", "i Am"), List.of("i Am", "VI F", "III C", "VII G"));
            assertThat(sad.progression().get(3).name()).isEqualTo("Am");
        }
    }

    @Test
    void theMelodyMovesMostlyByStepAndEndsOnTheTonic() {
        Key key = Key.parse("D");
        Composition piece = composer.compose(key, Mood.CALM, 90, 16, 3);
        List<Note> melody = piece.melody();

        assertThat(melody.get(melody.size() - 1).pitch() % 12).isEqualTo(key.tonic());
        long leaps = 0;
        for (int i = 1; i < melody.size(); i++) {
            if (Math.abs(melody.get(i).pitch() - melody.get(i - 1).pitch()) > 4) {
                leaps++;
            }
        }
        assertThat(leaps).as("leaps larger than a major third").isLessThan(melody.size() / 3);
        assertThat(melody).allSatisfy(n -> assertThat(n.start() + n.length()).isLessThanOrEqualTo(piece.ticks()));
    }

    @Test
    void chordTonesWinOnStrongBeats() {
        Composition piece = composer.compose(Key.parse("F"), Mood.HAPPY, 120, 32, 11);
        long onBeat = 0;
        long chordTones = 0;
        for (Note n : piece.melody()) {
            if (n.start() % (2L * Composition.PPQ) == 0) {
                onBeat++;
                Chord chord = piece.progression().get((int) (n.start() / piece.ticksPerBar()));
                if (chord.contains(n.pitch() % 12)) {
                    chordTones++;
                }
            }
        }
        assertThat((double) chordTones / onBeat).isGreaterThan(0.6);
    }
}
