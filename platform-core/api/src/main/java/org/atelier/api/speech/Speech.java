package org.atelier.api.speech;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Synthesised speech: mono 16-bit PCM with the times of its words and phonemes.
 *
 * @param sampleRate samples per second
 * @param samples the audio
 * @param words when each word is heard
 * @param phonemes when each phoneme is heard; empty when the engine gives none
 * @param voice the voice that spoke
 */
public record Speech(int sampleRate, short[] samples, List<Timing> words, List<Timing> phonemes, Voice voice) {

    public Speech {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate);
        }
        words = List.copyOf(words);
        phonemes = List.copyOf(phonemes);
    }

    /** @return the length of the audio in milliseconds */
    public int durationMs() {
        return (int) (samples.length * 1000L / sampleRate);
    }

    /** @return the audio as a WAV file (RIFF, PCM, 16-bit, mono) */
    public byte[] wav() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(44 + samples.length * 2);
        out.writeBytes(wavHeader(sampleRate, samples.length));
        out.writeBytes(pcm(samples));
        return out.toByteArray();
    }

    /** @return the audio as little-endian 16-bit PCM */
    public static byte[] pcm(short[] samples) {
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            b.putShort(s);
        }
        return b.array();
    }

    /**
     * @param frames the number of samples, or {@code -1} for a stream whose length is not known yet (its data size is
     *        then 0x7FFFF000, what sox writes to a pipe: sox, soxi, ffprobe and browsers read it as "unknown" and
     *        play such a stream to its end, where a larger size is read as hours of audio)
     * @return the 44-byte header of a mono 16-bit PCM WAV
     */
    public static byte[] wavHeader(int sampleRate, int frames) {
        long data = frames < 0 ? 0x7FFFF000L : frames * 2L;
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + data))
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) data);
        return b.array();
    }
}
