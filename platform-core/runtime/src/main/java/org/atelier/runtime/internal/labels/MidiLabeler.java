package org.atelier.runtime.internal.labels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

import org.atelier.api.labels.AigcLabel;

/**
 * Standard MIDI files, through the JDK's {@code javax.sound.midi}: the implicit label as a text meta event
 * ({@code AIGC: {json}}) at the start of the first track, the explicit one as a marker "AI生成" that players and
 * editors show.
 */
final class MidiLabeler implements Labeler {

    static final int TEXT = 0x01;
    static final int MARKER = 0x06;
    static final String PREFIX = "AIGC: ";

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("audio/midi") || mediaType.startsWith("audio/x-midi");
    }

    @Override
    public boolean sniff(byte[] c) {
        return c.length > 4 && c[0] == 'M' && c[1] == 'T' && c[2] == 'h' && c[3] == 'd';
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        try {
            Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(content));
            Track first = seq.getTracks().length > 0 ? seq.getTracks()[0] : seq.createTrack();
            first.add(new MidiEvent(meta(TEXT, PREFIX + LabelJson.write(label)), 0));
            if (explicit) {
                first.add(new MidiEvent(meta(MARKER, "AI生成 · AI-generated"), 0));
            }
            int[] types = MidiSystem.getMidiFileTypes(seq);
            int type = types.length == 0 ? 1 : types[types.length - 1];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MidiSystem.write(seq, type, out);
            return out.toByteArray();
        } catch (InvalidMidiDataException e) {
            throw new IOException("not a standard MIDI file: " + e.getMessage());
        }
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        try {
            Sequence seq = MidiSystem.getSequence(new ByteArrayInputStream(content));
            for (Track track : seq.getTracks()) {
                for (int i = 0; i < track.size(); i++) {
                    MidiMessage m = track.get(i).getMessage();
                    if (m instanceof MetaMessage meta && meta.getType() == TEXT) {
                        String text = new String(meta.getData(), StandardCharsets.UTF_8);
                        if (text.startsWith(PREFIX)) {
                            return Optional.of(LabelJson.read(text.substring(PREFIX.length())));
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (InvalidMidiDataException e) {
            throw new IOException("not a standard MIDI file: " + e.getMessage());
        }
    }

    private static MetaMessage meta(int type, String text) throws InvalidMidiDataException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return new MetaMessage(type, data, data.length);
    }
}
