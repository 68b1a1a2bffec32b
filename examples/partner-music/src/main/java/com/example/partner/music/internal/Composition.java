package com.example.partner.music.internal;

import java.util.List;

/**
 * A finished piece: its settings, the chord of every bar and the notes of its three parts.
 *
 * @param key the key
 * @param mood the mood
 * @param tempo beats per minute
 * @param bars number of bars
 * @param seed the seed it was composed with
 * @param cycle the mood's progression that the bars repeat, e.g. I–V–vi–IV
 * @param progression the chord of each bar
 * @param melody the melody's notes
 * @param chords the chord part's notes
 * @param bass the bass part's notes
 */
public record Composition(Key key, Mood mood, int tempo, int bars, long seed, List<Chord> cycle,
                          List<Chord> progression,
                          List<Note> melody, List<Note> chords, List<Note> bass) {

    /** Ticks per quarter note. */
    public static final int PPQ = 480;
    /** Ticks per sixteenth note, the unit of the rhythm patterns. */
    public static final int SIXTEENTH = PPQ / 4;

    /** @return ticks in one bar */
    public long ticksPerBar() {
        return (long) mood.beatsPerBar() * PPQ;
    }

    /** @return the length of the piece in ticks */
    public long ticks() {
        return bars * ticksPerBar();
    }

    /** @return the length of the piece in seconds */
    public double seconds() {
        return bars * mood.beatsPerBar() * 60.0 / tempo;
    }
}
