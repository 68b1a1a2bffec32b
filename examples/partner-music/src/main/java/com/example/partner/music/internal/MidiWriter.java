package com.example.partner.music.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes a {@link Composition} as a Standard MIDI File of type 1: a conductor track (tempo, time signature, key
 * signature) and one track each for melody, chords and bass, on channels 1 to 3.
 */
final class MidiWriter {

    static final int TRACK_NAME = 0x03;
    static final int TEMPO = 0x51;
    static final int TIME_SIGNATURE = 0x58;
    static final int KEY_SIGNATURE = 0x59;
    static final int END_OF_TRACK = 0x2F;

    byte[] write(Composition piece) {
        try {
            Sequence sequence = sequence(piece);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(sequence, 1, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("the composition does not make valid MIDI: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Sequence sequence(Composition piece) throws InvalidMidiDataException {
        Sequence sequence = new Sequence(Sequence.PPQ, Composition.PPQ);
        Track conductor = sequence.createTrack();
        conductor.add(meta(TRACK_NAME, text(piece.mood() + " in " + piece.key()), 0));
        conductor.add(meta(TEMPO, tempo(piece.tempo()), 0));
        conductor.add(meta(TIME_SIGNATURE, new byte[] {(byte) piece.mood().beatsPerBar(), 2, 24, 8}, 0));
        conductor.add(meta(KEY_SIGNATURE, new byte[] {(byte) piece.key().accidentals(), (byte) (piece.key().minor() ? 1 : 0)}, 0));
        Mood.Instruments instruments = piece.mood().instruments();
        part(sequence, "Melody", 0, instruments.melody(), piece.melody());
        part(sequence, "Chords", 1, instruments.chords(), piece.chords());
        part(sequence, "Bass", 2, instruments.bass(), piece.bass());
        for (Track track : sequence.getTracks()) {
            // every track ends with the last bar, also where its last note is released earlier
            track.add(meta(END_OF_TRACK, new byte[0], piece.ticks()));
        }
        return sequence;
    }

    private static void part(Sequence sequence, String name, int channel, int program, List<Note> notes)
            throws InvalidMidiDataException {
        Track track = sequence.createTrack();
        track.add(meta(TRACK_NAME, text(name), 0));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, program, 0), 0));
        for (Note n : notes) {
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity()), n.start()));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0),
                    n.start() + n.length()));
        }
    }

    /** Microseconds per quarter note, three bytes big-endian. */
    static byte[] tempo(int bpm) {
        int mpq = Math.round(60_000_000f / bpm);
        return new byte[] {(byte) (mpq >> 16), (byte) (mpq >> 8), (byte) mpq};
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static MidiEvent meta(int type, byte[] data, long tick) throws InvalidMidiDataException {
        return new MidiEvent(new MetaMessage(type, data, data.length), tick);
    }
}
