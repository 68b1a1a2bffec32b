package com.example.partner.music.internal;

/**
 * One note of a part.
 *
 * @param start when it starts, in ticks
 * @param length how long it sounds, in ticks
 * @param pitch the MIDI note number
 * @param velocity how hard it is struck, 1 to 127
 */
public record Note(long start, long length, int pitch, int velocity) {
}
