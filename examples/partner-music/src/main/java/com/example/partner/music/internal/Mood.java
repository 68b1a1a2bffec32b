package com.example.partner.music.internal;

import java.util.List;
import java.util.Locale;

/**
 * What a mood decides: metre, chord progressions (as scale degrees, one chord per bar, separately for major and
 * minor keys), rhythm patterns for melody, chords and bass, how the melody moves, and the instruments.
 * Durations are in sixteenth notes; a negative duration is a rest.
 */
public enum Mood {

    HAPPY(4,
            List.of(new int[] {0, 4, 5, 3}, new int[] {0, 3, 4, 0}, new int[] {0, 5, 3, 4}),
            List.of(new int[] {0, 6, 5, 6}, new int[] {2, 6, 0, 4}),
            List.of(new int[] {2, 2, 4, 2, 2, 4}, new int[] {4, 2, 2, 4, 4}, new int[] {2, 2, 2, 2, 4, 4},
                    new int[] {4, 4, 2, 2, 4}),
            new int[] {4, 4, 4, 4}, new int[] {8, 8},
            new double[] {2, 6, 4, 2, 1.5, 0.5, 0, 0.8}, 1.0,
            new Instruments(73, 0, 33), 96),
    SAD(4,
            List.of(new int[] {5, 3, 0, 4}, new int[] {5, 1, 4, 5}),
            List.of(new int[] {0, 3, 4, 0}, new int[] {0, 5, 2, 6}),
            List.of(new int[] {4, 4, 8}, new int[] {6, 2, 8}, new int[] {8, 4, 4}, new int[] {4, 4, 4, -4}),
            new int[] {16}, new int[] {16},
            new double[] {3, 7, 3, 1, 0.5, 0, 0, 0}, 1.4,
            new Instruments(40, 48, 32), 72),
    CALM(3,
            List.of(new int[] {0, 3, 5, 4}, new int[] {0, 2, 3, 0}),
            List.of(new int[] {0, 6, 5, 6}, new int[] {0, 3, 0, 6}),
            List.of(new int[] {8, 4}, new int[] {4, 4, 4}, new int[] {12}, new int[] {6, 2, 4}),
            new int[] {12}, new int[] {12},
            new double[] {3, 6, 3, 1, 1, 0, 0, 0}, 1.1,
            new Instruments(73, 89, 32), 70),
    TENSE(4,
            List.of(new int[] {5, 2, 3, 4}, new int[] {1, 4, 2, 5}),
            List.of(new int[] {0, 5, 3, 4}, new int[] {0, 3, 4, 0}),
            List.of(new int[] {2, 2, 2, 2, 2, 2, 4}, new int[] {1, 1, 2, 1, 1, 2, 4, 4}, new int[] {3, 3, 2, 3, 3, 2},
                    new int[] {2, -2, 2, 2, 4, 4}),
            new int[] {2, 2, 2, 2, 2, 2, 2, 2}, new int[] {2, 2, 2, 2, 2, 2, 2, 2},
            new double[] {2, 5, 2, 2, 2, 1, 1, 0}, 1.0,
            new Instruments(81, 49, 38), 104);

    /** The names a request may use. */
    static final String PATTERN = "happy|sad|calm|tense";
    static final String NAMES = "happy, sad, calm, tense";

    /**
     * General MIDI programs of the three parts.
     *
     * @param melody program of the melody
     * @param chords program of the chords
     * @param bass program of the bass
     */
    record Instruments(int melody, int chords, int bass) {
    }

    private final int beatsPerBar;
    private final List<int[]> majorProgressions;
    private final List<int[]> minorProgressions;
    private final List<int[]> melodyRhythms;
    private final int[] chordRhythm;
    private final int[] bassRhythm;
    private final double[] intervalWeights;
    private final double downwardBias;
    private final Instruments instruments;
    private final int velocity;

    Mood(int beatsPerBar, List<int[]> majorProgressions, List<int[]> minorProgressions, List<int[]> melodyRhythms,
         int[] chordRhythm, int[] bassRhythm, double[] intervalWeights, double downwardBias, Instruments instruments,
         int velocity) {
        this.beatsPerBar = beatsPerBar;
        this.majorProgressions = majorProgressions;
        this.minorProgressions = minorProgressions;
        this.melodyRhythms = melodyRhythms;
        this.chordRhythm = chordRhythm;
        this.bassRhythm = bassRhythm;
        this.intervalWeights = intervalWeights;
        this.downwardBias = downwardBias;
        this.instruments = instruments;
        this.velocity = velocity;
    }

    /**
     * @param name a mood as a request names it, e.g. {@code happy}
     * @return the mood
     * @throws IllegalArgumentException for any other name
     */
    public static Mood parse(String name) {
        if (name == null || !name.matches(PATTERN)) {
            throw new IllegalArgumentException("not one of " + NAMES + ": " + name);
        }
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** @return beats (quarter notes) in a bar */
    public int beatsPerBar() {
        return beatsPerBar;
    }

    /** @param minor the key's mode @return the progressions to choose from, scale degrees per bar */
    List<int[]> progressions(boolean minor) {
        return minor ? minorProgressions : majorProgressions;
    }

    /** @return melody rhythms to choose from, one bar each */
    List<int[]> melodyRhythms() {
        return melodyRhythms;
    }

    /** @return how the chord part strikes within a bar */
    int[] chordRhythm() {
        return chordRhythm;
    }

    /** @return how the bass strikes within a bar */
    int[] bassRhythm() {
        return bassRhythm;
    }

    /** @return weight of a melodic leap by its size in scale steps (index 0 = repeat, 1 = step, …) */
    double[] intervalWeights() {
        return intervalWeights.clone();
    }

    /** @return how much more likely the melody falls than rises */
    double downwardBias() {
        return downwardBias;
    }

    /** @return the instruments */
    Instruments instruments() {
        return instruments;
    }

    /** @return the loudness of accented melody notes, 1 to 127 */
    int velocity() {
        return velocity;
    }

    /** @return whether the dominant of a minor key is made major (harmonic minor) */
    boolean harmonicDominant() {
        return this == TENSE || this == HAPPY;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
