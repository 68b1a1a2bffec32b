package com.example.partner.music.internal;

import java.util.Arrays;

/**
 * A triad on a scale degree of a key.
 *
 * @param degree the scale degree of the root, 0 = tonic
 * @param pitchClasses root, third and fifth
 * @param roman the Roman numeral, upper case for major, lower case for minor, "°" for diminished
 * @param name the chord symbol spelled in the key, e.g. {@code Bb}, {@code F#m}, {@code Bdim}
 */
public record Chord(int degree, int[] pitchClasses, String roman, String name) {

    private static final String[] NUMERALS = {"I", "II", "III", "IV", "V", "VI", "VII"};

    /**
     * The diatonic triad on a degree; with {@code harmonicDominant} the dominant of a minor key takes the raised
     * seventh and is major (V instead of v), the one chromatic note this composer allows.
     *
     * @param key the key
     * @param degree the root's scale degree
     * @param harmonicDominant raise the third of v in minor
     * @return the chord
     */
    static Chord of(Key key, int degree, boolean harmonicDominant) {
        int root = key.pitchClass(degree);
        int third = key.pitchClass(degree + 2);
        int fifth = key.pitchClass(degree + 4);
        boolean raised = harmonicDominant && key.minor() && degree == 4;
        if (raised) {
            third = key.leadingTone();
        }
        int t = Math.floorMod(third - root, 12);
        int f = Math.floorMod(fifth - root, 12);
        String quality = t == 4 ? "" : f == 6 ? "dim" : "m";
        String numeral = t == 4 ? NUMERALS[degree] : NUMERALS[degree].toLowerCase() + (f == 6 ? "°" : "");
        String rootName = key.spell(degree, root);
        return new Chord(degree, new int[] {root, third, fifth}, numeral, rootName + quality);
    }

    /** @param pitchClass a pitch class @return whether it is one of this chord's notes */
    public boolean contains(int pitchClass) {
        return Arrays.stream(pitchClasses).anyMatch(pc -> pc == pitchClass % 12);
    }

    /** @return the root's pitch class */
    public int root() {
        return pitchClasses[0];
    }

    /** @return the fifth's pitch class */
    public int fifth() {
        return pitchClasses[2];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Chord c && c.degree == degree && Arrays.equals(c.pitchClasses, pitchClasses);
    }

    @Override
    public int hashCode() {
        return 31 * degree + Arrays.hashCode(pitchClasses);
    }

    @Override
    public String toString() {
        return roman + " " + name;
    }
}
