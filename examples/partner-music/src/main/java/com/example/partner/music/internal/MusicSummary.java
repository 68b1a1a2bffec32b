package com.example.partner.music.internal;

import java.util.List;

/**
 * The job's result: what was composed, and the seed that composes it again.
 *
 * @param mood the mood
 * @param key the key
 * @param tempo beats per minute
 * @param bars number of bars
 * @param timeSignature e.g. {@code 4/4}
 * @param progression the mood's progression that the bars repeat, in Roman numerals, e.g. {@code [I, V, vi, IV]}
 * @param chords the chord of every bar, spelled in the key, e.g. {@code [C, G, Am, C]}: the last is the tonic
 * @param seed the seed; the same input with this seed gives byte-identical files
 * @param durationSeconds the length of the music (the WAV adds a short release)
 * @param midi the id of the MIDI artifact
 * @param wav the id of the WAV artifact
 */
public record MusicSummary(String mood, String key, int tempo, int bars, String timeSignature,
                           List<String> progression, List<String> chords, long seed, double durationSeconds,
                           String midi, String wav) {
}
