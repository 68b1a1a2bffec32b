package com.example.partner.music.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyTest {

    @Test
    void readsKeySignaturesOfMajorAndMinorKeys() {
        assertThat(Key.parse("C").accidentals()).isZero();
        assertThat(Key.parse("F#").accidentals()).isEqualTo(6);
        assertThat(Key.parse("Bb").accidentals()).isEqualTo(-2);
        assertThat(Key.parse("Cb").accidentals()).isEqualTo(-7);
        assertThat(Key.parse("Am").accidentals()).isZero();
        assertThat(Key.parse("C#m").accidentals()).isEqualTo(4);
        assertThat(Key.parse("Ebm").accidentals()).isEqualTo(-6);
        assertThat(Key.parse("C#m").minor()).isTrue();
        assertThat(Key.parse("C#m").tonic()).isEqualTo(1);
    }

    @Test
    void scalesAndChordsAreSpelledInTheKey() {
        assertThat(Key.parse("Bb").scale()).containsExactly(10, 0, 2, 3, 5, 7, 9);
        assertThat(Key.parse("Am").scale()).containsExactly(9, 11, 0, 2, 4, 5, 7);
        assertThat(Chord.of(Key.parse("F"), 3, false).name()).isEqualTo("Bb");
        assertThat(Chord.of(Key.parse("C"), 5, false)).hasToString("vi Am");
        assertThat(Chord.of(Key.parse("C"), 6, false)).hasToString("vii° Bdim");
        assertThat(Chord.of(Key.parse("C#m"), 4, false)).hasToString("v G#m");
        assertThat(Chord.of(Key.parse("C#m"), 4, true)).hasToString("V G#");
        assertThat(Chord.of(Key.parse("C#m"), 4, true).pitchClasses()).containsExactly(8, 0, 3);
        assertThat(Chord.of(Key.parse("Ebm"), 5, false).name()).isEqualTo("Cb");
    }

    @Test
    void refusesWhatIsNotAKeyWithAStandardSignature() {
        for (String bad : new String[] {"H", "E#", "Fbm", "c", "Amaj", "", null}) {
            assertThatThrownBy(() -> Key.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
