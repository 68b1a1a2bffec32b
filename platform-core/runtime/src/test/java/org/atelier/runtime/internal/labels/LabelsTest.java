package org.atelier.runtime.internal.labels;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.imageio.ImageIO;

import org.atelier.runtime.AigcLabel;
import org.junit.jupiter.api.Test;

class LabelsTest {

    static final AigcLabel LABEL = new AigcLabel(AigcLabel.GENERATED, "atelier-test-01", "a0123456789abcdef",
            "medical/voice", "propagator-x", "p-42", "reserved-2");

    final Labels labels = new Labels();

    @Test
    void markdownAndTextCarryFrontMatterAndAVisibleLine() throws Exception {
        for (String type : new String[] {"text/markdown", "text/plain; charset=utf-8"}) {
            byte[] out = labels.write(type, "# Title\nbody\n".getBytes(UTF_8), LABEL, true);
            assertThat(labels.read(out)).contains(LABEL);
            String text = new String(out, UTF_8);
            assertThat(text).startsWith("---\nAIGC: {\"Label\":\"1\",").contains(TextLabeler.EXPLICIT)
                    .endsWith("# Title\nbody\n");
            assertThat(new String(labels.write(type, "x".getBytes(UTF_8), LABEL, false), UTF_8))
                    .doesNotContain(TextLabeler.EXPLICIT);
        }
    }

    @Test
    void jsonCarriesATopLevelField() throws Exception {
        byte[] object = labels.write("application/json", "{\"compliance\":57.85}".getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(object)).contains(LABEL);
        assertThat(new String(object, UTF_8)).contains("\"compliance\" : 57.85");
        byte[] array = labels.write("application/json", "[1,2]".getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(array)).contains(LABEL);
        assertThat(new String(array, UTF_8)).contains("\"content\" : [ 1, 2 ]");
    }

    @Test
    void svgCarriesMetadataAndVisibleText() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><rect width=\"10\" height=\"10\"/></svg>";
        byte[] out = labels.write("image/svg+xml", svg.getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(out)).contains(LABEL);
        assertThat(new String(out, UTF_8)).contains("<metadata>").contains(">AI生成 · AI-generated</text>");
        assertThatThrownBy(() -> labels.write("image/svg+xml",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>".getBytes(UTF_8), LABEL, true))
                .isInstanceOf(IOException.class);
    }

    @Test
    void pngCarriesITxtAndXmpAndAVisibleMark() throws Exception {
        BufferedImage white = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 60);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(white, "png", png);

        byte[] out = labels.write("image/png", png.toByteArray(), LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        assertThat(new String(out, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("XML:com.adobe.xmp")
                .contains("TC260:AIGC");
        BufferedImage marked = ImageIO.read(new ByteArrayInputStream(out));
        assertThat(new Color(marked.getRGB(1, 58)).getRed()).as("the corner is darkened").isLessThan(200);
        assertThat(new Color(marked.getRGB(110, 5)).getRed()).as("the rest is untouched").isEqualTo(255);
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(labels.write("image/png", png.toByteArray(), LABEL, false)));
        assertThat(new Color(plain.getRGB(1, 58)).getRed()).isEqualTo(255);
        assertThat(labels.read(png.toByteArray())).isEmpty();
    }

    @Test
    void wavCarriesAChunkAndAnAudibleCue() throws Exception {
        byte[] wav = wav(16_000, 8_000);

        byte[] out = labels.write("audio/wav", wav, LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        javax.sound.sampled.AudioInputStream audio = javax.sound.sampled.AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(out));
        // 120 + 60 + 120 + 120 ms of cue before the half second of sound, and Java still reads the file
        assertThat(audio.getFrameLength()).isEqualTo(8_000 + 16_000 * 420 / 1000);
        byte[] quiet = labels.write("audio/wav", wav, LABEL, false);
        assertThat(javax.sound.sampled.AudioSystem.getAudioInputStream(new ByteArrayInputStream(quiet))
                .getFrameLength()).isEqualTo(8_000);
        assertThat(labels.read(quiet)).contains(LABEL);
        assertThat(labels.read(wav)).isEmpty();
        byte[] cut = java.util.Arrays.copyOf(wav, 100);
        assertThatThrownBy(() -> labels.write("audio/wav", cut, LABEL, true)).isInstanceOf(IOException.class);
    }

    @Test
    void midiCarriesATextEventAndAMarker() throws Exception {
        javax.sound.midi.Sequence seq = new javax.sound.midi.Sequence(javax.sound.midi.Sequence.PPQ, 480);
        javax.sound.midi.Track track = seq.createTrack();
        for (int i = 0; i < 4; i++) {
            track.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.ShortMessage(
                    javax.sound.midi.ShortMessage.NOTE_ON, 0, 60 + i, 90), i * 480L));
            track.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.ShortMessage(
                    javax.sound.midi.ShortMessage.NOTE_OFF, 0, 60 + i, 0), i * 480L + 400));
        }
        ByteArrayOutputStream midi = new ByteArrayOutputStream();
        javax.sound.midi.MidiSystem.write(seq, 1, midi);

        byte[] out = labels.write("audio/midi", midi.toByteArray(), LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        javax.sound.midi.Sequence back = javax.sound.midi.MidiSystem.getSequence(new ByteArrayInputStream(out));
        assertThat(back.getTickLength()).as("the music is unchanged").isEqualTo(seq.getTickLength());
        assertThat(new String(out, UTF_8)).contains("AI生成 · AI-generated");
        assertThat(labels.read(midi.toByteArray())).isEmpty();
        assertThatThrownBy(() -> labels.write("audio/midi", "MThd-broken".getBytes(UTF_8), LABEL, true))
                .isInstanceOf(IOException.class);
    }

    @Test
    void formatsItCannotLabelAreSaidSo() {
        assertThat(labels.supports("video/mp4")).isFalse();
        assertThat(labels.supports("image/png")).isTrue();
        assertThatThrownBy(() -> labels.write("video/mp4", new byte[4], LABEL, true)).isInstanceOf(IOException.class);
    }

    /** A mono 16-bit PCM WAV of a 440 Hz tone. */
    static byte[] wav(int rate, int frames) {
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(UTF_8)).putInt(36 + frames * 2).put("WAVE".getBytes(UTF_8));
        b.put("fmt ".getBytes(UTF_8)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(UTF_8)).putInt(frames * 2);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }
}
