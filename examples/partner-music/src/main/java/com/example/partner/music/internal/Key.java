package com.example.partner.music.internal;

import java.util.List;

/**
 * A major or minor key with a standard key signature: its tonic, mode, scale and spelling.
 *
 * @param name the key as written, e.g. {@code Bb} or {@code C#m}
 * @param tonicLetter the tonic's letter, 0 = C … 6 = B
 * @param tonic the tonic's pitch class, 0 = C … 11 = B
 * @param minor {@code true} for a (natural) minor key
 * @param accidentals sharps (positive) or flats (negative) in the key signature
 */
public record Key(String name, int tonicLetter, int tonic, boolean minor, int accidentals) {

    /** Every key with a standard key signature, majors then minors. */
    static final String PATTERN = "C|G|D|A|E|B|F#|C#|F|Bb|Eb|Ab|Db|Gb|Cb"
            + "|Am|Em|Bm|F#m|C#m|G#m|D#m|A#m|Dm|Gm|Cm|Fm|Bbm|Ebm|Abm";

    private static final String LETTERS = "CDEFGAB";
    private static final int[] NATURAL = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    /** Tonic letters in the order of the circle of fifths for majors, C = 0 accidentals, G = 1 sharp, F = 1 flat. */
    private static final List<String> MAJORS = List.of("Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F",
            "C", "G", "D", "A", "E", "B", "F#", "C#");

    /**
     * @param name a key such as {@code Bb} or {@code C#m}
     * @return the key
     * @throws IllegalArgumentException when it is not one of {@link #PATTERN}
     */
    public static Key parse(String name) {
        if (name == null || !name.matches(PATTERN)) {
            throw new IllegalArgumentException("not a major or minor key with a standard key signature: " + name);
        }
        boolean minor = name.endsWith("m");
        String tonicName = minor ? name.substring(0, name.length() - 1) : name;
        int letter = LETTERS.indexOf(tonicName.charAt(0));
        int alter = tonicName.length() == 1 ? 0 : tonicName.charAt(1) == '#' ? 1 : -1;
        int tonic = Math.floorMod(NATURAL[letter] + alter, 12);
        // a minor key has the signature of its relative major, three semitones up
        String relativeMajor = minor ? spellOnLetter(letter + 2, Math.floorMod(tonic + 3, 12)) : tonicName;
        return new Key(name, letter, tonic, minor, MAJORS.indexOf(relativeMajor) - 7);
    }

    /** @return semitones above the tonic of each scale degree, 0 to 6 */
    public int[] intervals() {
        return (minor ? MINOR : MAJOR).clone();
    }

    /** @param degree a scale degree, 0 = tonic @return its pitch class */
    public int pitchClass(int degree) {
        return (tonic + intervals()[Math.floorMod(degree, 7)]) % 12;
    }

    /** @return the pitch classes of the scale */
    public int[] scale() {
        int[] pcs = new int[7];
        for (int d = 0; d < 7; d++) {
            pcs[d] = pitchClass(d);
        }
        return pcs;
    }

    /** @return the raised seventh degree of a minor key (the leading tone of harmonic minor), or -1 for major */
    public int leadingTone() {
        return minor ? (tonic + 11) % 12 : -1;
    }

    /**
     * Spells a pitch class on the letter of a scale degree, e.g. degree 3 of F is "Bb", not "A#".
     *
     * @param degree the scale degree whose letter to use
     * @param pitchClass the pitch class to spell
     * @return the note name
     */
    public String spell(int degree, int pitchClass) {
        return spellOnLetter(tonicLetter + degree, pitchClass);
    }

    private static String spellOnLetter(int letterIndex, int pitchClass) {
        int letter = Math.floorMod(letterIndex, 7);
        int alter = Math.floorMod(pitchClass - NATURAL[letter] + 6, 12) - 6;
        return LETTERS.charAt(letter) + (alter > 0 ? "#".repeat(alter) : "b".repeat(-alter));
    }

    @Override
    public String toString() {
        return name;
    }
}
