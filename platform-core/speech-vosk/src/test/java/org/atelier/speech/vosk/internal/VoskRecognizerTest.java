package org.atelier.speech.vosk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

import org.atelier.api.UnsupportedInputException;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Transcript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import marytts.LocalMaryInterface;

/** Vosk for real: it hears what MaryTTS says, with the times of the words. */
class VoskRecognizerTest {

    @TempDir
    Path dir;

    @Test
    void transcribesSynthesisedSpeechWithWordTimings() throws Exception {
        LocalMaryInterface mary = new LocalMaryInterface();
        AudioInputStream audio = mary.generateAudio("I would like a glass of water please.");
        AudioFormat f = audio.getFormat();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        audio.transferTo(bytes);
        ByteBuffer b = ByteBuffer.wrap(bytes.toByteArray())
                .order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        short[] pcm = new short[bytes.size() / 2];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = b.getShort();
        }

        try (VoskRecognizer vosk = new VoskRecognizer(dir)) {
            Transcript t = vosk.transcribe(pcm, Math.round(f.getSampleRate()), "en");

            assertThat(t.text()).contains("glass of water");
            assertThat(t.words()).extracting(Timing::text).contains("glass", "water");
            for (int i = 1; i < t.words().size(); i++) {
                assertThat(t.words().get(i).startMs()).isGreaterThanOrEqualTo(t.words().get(i - 1).startMs());
            }
            assertThat(t.words().get(t.words().size() - 1).endMs())
                    .isLessThanOrEqualTo((int) (pcm.length * 1000L / f.getSampleRate()) + 50);
            assertThat(t.confidence()).isBetween(0.0, 1.0);
            Path model = vosk.unpack();
            assertThat(model.resolve(".complete")).exists();
            assertThat(vosk.unpack()).as("unpacked once").isEqualTo(model);

            short[] telephone = new short[pcm.length / 6];
            for (int i = 0; i < telephone.length; i++) {
                telephone[i] = pcm[i * 6];
            }
            assertThat(vosk.transcribe(telephone, Math.round(f.getSampleRate()) / 6, "en").text())
                    .as("8 kHz speech is raised to the model's 16 kHz").contains("water");

            assertThatThrownBy(() -> vosk.transcribe(pcm, 16_000, "de"))
                    .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("English");
            assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith(".partial-"))).isEmpty();
        }
    }
}
