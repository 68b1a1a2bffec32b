package com.example.partner.music.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Composes a piece from a key, a mood, a tempo, a length and a seed. Everything random comes from one
 * {@link Random} seeded with the given seed (its algorithm is fixed by the Java specification), drawn in a fixed
 * order, so the same request always gives the same notes.
 *
 * <ol>
 * <li>Harmony: one of the mood's progressions for the key's mode, one chord per bar, repeated; the last bar
 * returns to the tonic chord.</li>
 * <li>Melody: per bar one of the mood's rhythm patterns; the pitches follow a {@link MelodyChain} that favours
 * the notes of the bar's chord, most on strong beats; the last note is the tonic.</li>
 * <li>Chords and bass: the mood's accompaniment rhythm on the chord's root-position triad (around C3-B3) and on
 * its root, root then fifth where the bass strikes twice a bar (C2-B2).</li>
 * </ol>
 */
final class Composer {

    private static final double LEGATO = 0.9;

    Composition compose(Key key, Mood mood, int tempo, int bars, long seed) {
        Random random = new Random(seed);
        List<Chord> cycle = cycle(key, mood, random);
        List<Chord> progression = progression(key, mood, cycle, bars);
        List<Note> melody = melody(key, mood, bars, progression, random);
        List<Note> chords = new ArrayList<>();
        List<Note> bass = new ArrayList<>();
        long barTicks = (long) mood.beatsPerBar() * Composition.PPQ;
        for (int bar = 0; bar < bars; bar++) {
            Chord chord = progression.get(bar);
            accompany(chord, bar * barTicks, mood, chords, bass);
        }
        return new Composition(key, mood, tempo, bars, seed, cycle, List.copyOf(progression), List.copyOf(melody),
                List.copyOf(chords), List.copyOf(bass));
    }

    private static List<Chord> cycle(Key key, Mood mood, Random random) {
        List<int[]> choices = mood.progressions(key.minor());
        int[] degrees = choices.get(random.nextInt(choices.size()));
        return Arrays.stream(degrees).mapToObj(d -> Chord.of(key, d, mood.harmonicDominant())).toList();
    }

    private static List<Chord> progression(Key key, Mood mood, List<Chord> cycle, int bars) {
        List<Chord> progression = new ArrayList<>(bars);
        for (int bar = 0; bar < bars; bar++) {
            boolean last = bar == bars - 1 && bars > 1;
            progression.add(last ? Chord.of(key, 0, mood.harmonicDominant()) : cycle.get(bar % cycle.size()));
        }
        return progression;
    }

    private static List<Note> melody(Key key, Mood mood, int bars, List<Chord> progression, Random random) {
        MelodyChain chain = new MelodyChain(key, mood);
        List<Note> notes = new ArrayList<>();
        long barTicks = (long) mood.beatsPerBar() * Composition.PPQ;
        int step = chain.first(progression.get(0), random);
        boolean first = true;
        for (int bar = 0; bar < bars; bar++) {
            Chord chord = progression.get(bar);
            int[] rhythm = mood.melodyRhythms().get(random.nextInt(mood.melodyRhythms().size()));
            long tick = bar * barTicks;
            int lastSounding = lastSounding(rhythm);
            for (int i = 0; i < rhythm.length; i++) {
                long length = (long) Math.abs(rhythm[i]) * Composition.SIXTEENTH;
                boolean rest = rhythm[i] < 0;
                boolean lastNote = bar == bars - 1 && i == lastSounding;
                if (!rest) {
                    boolean strong = (tick - bar * barTicks) % strongBeatTicks(mood) == 0;
                    if (!first) {
                        step = lastNote ? MelodyChain.nearestTonic(step) : chain.next(step, chord, strong, random);
                    }
                    first = false;
                    int velocity = strong ? mood.velocity() : mood.velocity() - 12;
                    long sounding = lastNote ? length : Math.max(1, Math.round(length * LEGATO));
                    notes.add(new Note(tick, sounding, chain.pitch(step, chord), velocity));
                }
                tick += length;
            }
        }
        return notes;
    }

    /** Strong beats: 1 and 3 in 4/4, the downbeat in 3/4. */
    private static long strongBeatTicks(Mood mood) {
        return (mood.beatsPerBar() % 2 == 0 ? 2L : mood.beatsPerBar()) * Composition.PPQ;
    }

    private static int lastSounding(int[] rhythm) {
        int last = rhythm.length - 1;
        while (rhythm[last] < 0) {
            last--;
        }
        return last;
    }

    private static void accompany(Chord chord, long barStart, Mood mood, List<Note> chords, List<Note> bass) {
        int chordVelocity = Math.max(30, mood.velocity() - 36);
        long tick = barStart;
        int[] triad = voicing(chord, 48);
        for (int duration : mood.chordRhythm()) {
            long length = (long) duration * Composition.SIXTEENTH;
            for (int pitch : triad) {
                chords.add(new Note(tick, Math.round(length * LEGATO), pitch, chordVelocity));
            }
            tick += length;
        }
        tick = barStart;
        int root = 36 + chord.root();
        int fifth = root + Math.floorMod(chord.fifth() - chord.root(), 12);
        int[] rhythm = mood.bassRhythm();
        for (int i = 0; i < rhythm.length; i++) {
            long length = (long) rhythm[i] * Composition.SIXTEENTH;
            int pitch = rhythm.length == 2 && i == 1 ? fifth : root;
            bass.add(new Note(tick, Math.round(length * LEGATO), pitch, chordVelocity + 16));
            tick += length;
        }
    }

    /** Root position from the root's first note at or above {@code lowest}. */
    private static int[] voicing(Chord chord, int lowest) {
        int root = lowest + chord.root();
        int[] pcs = chord.pitchClasses();
        return new int[] {root, root + Math.floorMod(pcs[1] - pcs[0], 12), root + Math.floorMod(pcs[2] - pcs[0], 12)};
    }
}
