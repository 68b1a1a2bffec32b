package com.example.partner.music.internal;

import java.util.Random;

/**
 * A first-order Markov chain over scale steps: the next note depends only on the current one. Steps count scale
 * degrees from the tonic (7 = the tonic an octave up, -1 = the seventh below). The weight of a move is the mood's
 * weight for its size in steps, times its downward bias when it falls, times a bonus when the target is a note of
 * the chord that sounds (larger on strong beats), and zero outside the melody's range.
 */
final class MelodyChain {

    /** The melody's range in scale steps around the tonic. */
    static final int LOWEST = -2;
    static final int HIGHEST = 11;
    private static final double CHORD_TONE_STRONG = 4;
    private static final double CHORD_TONE_WEAK = 1.6;

    private final Key key;
    private final double[] intervalWeights;
    private final double downwardBias;

    MelodyChain(Key key, Mood mood) {
        this.key = key;
        this.intervalWeights = mood.intervalWeights();
        this.downwardBias = mood.downwardBias();
    }

    /** Picks where the melody begins: a note of the first chord, weighted towards the middle of the range. */
    int first(Chord chord, Random random) {
        double[] weights = new double[HIGHEST - LOWEST + 1];
        for (int step = LOWEST; step <= HIGHEST; step++) {
            boolean inChord = chord.contains(key.pitchClass(step));
            weights[step - LOWEST] = inChord ? 1.0 / (1 + Math.abs(step - 4)) : 0;
        }
        return LOWEST + pick(weights, random);
    }

    /**
     * One transition of the chain.
     *
     * @param from the current step
     * @param chord the chord under the next note
     * @param strongBeat whether the next note starts on a strong beat
     * @param random the piece's random source
     * @return the next step
     */
    int next(int from, Chord chord, boolean strongBeat, Random random) {
        double[] weights = new double[HIGHEST - LOWEST + 1];
        for (int step = LOWEST; step <= HIGHEST; step++) {
            int distance = Math.abs(step - from);
            double w = distance < intervalWeights.length ? intervalWeights[distance] : 0;
            if (step < from) {
                w *= downwardBias;
            }
            if (chord.contains(pitchClass(step, chord))) {
                w *= strongBeat ? CHORD_TONE_STRONG : CHORD_TONE_WEAK;
            }
            weights[step - LOWEST] = w;
        }
        return LOWEST + pick(weights, random);
    }

    /** The tonic nearest to a step, where a piece ends. */
    static int nearestTonic(int step) {
        int below = Math.floorDiv(step, 7) * 7;
        int tonic = step - below <= 3 ? below : below + 7;
        return Math.max(0, Math.min(7, tonic));
    }

    /** The pitch class a step sounds as under a chord: the seventh degree is raised under a harmonic dominant. */
    int pitchClass(int step, Chord chord) {
        int pc = key.pitchClass(step);
        int leading = key.leadingTone();
        return Math.floorMod(step, 7) == 6 && leading >= 0 && chord.contains(leading) ? leading : pc;
    }

    /** The MIDI note of a step under a chord, with the tonic between F#3 and F4. */
    int pitch(int step, Chord chord) {
        int tonicNote = key.tonic() <= 5 ? 60 + key.tonic() : 48 + key.tonic();
        int octave = Math.floorDiv(step, 7);
        int degree = Math.floorMod(step, 7);
        int semitones = key.intervals()[degree] + (pitchClass(step, chord) != key.pitchClass(step) ? 1 : 0);
        return tonicNote + 12 * octave + semitones;
    }

    private static int pick(double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (total <= 0) {
            throw new IllegalStateException("no move is possible");
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0 && weights[i] > 0) {
                return i;
            }
        }
        for (int i = weights.length - 1; i >= 0; i--) {
            if (weights[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no move is possible");
    }
}
