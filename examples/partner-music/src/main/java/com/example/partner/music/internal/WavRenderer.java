package com.example.partner.music.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.DoubleConsumer;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.atelier.api.GenerationContext;

/**
 * Renders a Standard MIDI File to 16-bit PCM WAV offline with the JDK's software synthesizer (Gervill). The public
 * route is {@link AudioSystem#getAudioInputStream(InputStream)} on the MIDI bytes: the JDK's MIDI audio file reader
 * answers it with the synthesizer's output, no sound device involved. That reader renders up to four seconds past
 * the last event; this renderer keeps the piece plus a short release.
 */
final class WavRenderer {

    /** Mono, 44.1 kHz, 16-bit signed little-endian. */
    static final AudioFormat FORMAT = new AudioFormat(44_100, 16, 1, true, false);
    /** Seconds kept after the last bar, for the notes' release. */
    static final double RELEASE_SECONDS = 1.0;
    private static final int CHUNK_FRAMES = 8_192;

    /**
     * @param midi the Standard MIDI File
     * @param seconds the length of the music
     * @param context observes cancellation between chunks
     * @param progress told the fraction rendered so far
     * @return the WAV file
     * @throws IOException when the JDK cannot render it
     */
    byte[] render(byte[] midi, double seconds, GenerationContext context, DoubleConsumer progress)
            throws IOException {
        // The JDK finds its MIDI file reader, format converters and soundbank readers with ServiceLoader through
        // the thread context class loader; in an OSGi framework that is whatever loader the caller left there.
        // In Karaf 4.4 on Java 17 the JDK's own providers are found with the bundle's loader too (PartnerBundleIT
        // passed without this), but a loader that is null or that exposes other bundles' service files need not
        // behave: the system class loader is the one that is sure to see the JDK's providers and nothing else.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return wav(pcm(midi, seconds, context, progress));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("the JDK has no software synthesizer to render MIDI: " + e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static byte[] pcm(byte[] midi, double seconds, GenerationContext context, DoubleConsumer progress)
            throws IOException, UnsupportedAudioFileException {
        long wanted = Math.round((seconds + RELEASE_SECONDS) * FORMAT.getFrameRate()) * FORMAT.getFrameSize();
        ByteArrayOutputStream pcm = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, wanted));
        try (AudioInputStream synthesized = AudioSystem.getAudioInputStream(new ByteArrayInputStream(midi));
             AudioInputStream mono = AudioSystem.getAudioInputStream(FORMAT, synthesized)) {
            byte[] buffer = new byte[CHUNK_FRAMES * FORMAT.getFrameSize()];
            while (pcm.size() < wanted) {
                context.checkCancelled();
                int n = mono.read(buffer, 0, (int) Math.min(buffer.length, wanted - pcm.size()));
                if (n < 0) {
                    break;
                }
                pcm.write(buffer, 0, n);
                progress.accept((double) pcm.size() / wanted);
            }
        }
        return pcm.toByteArray();
    }

    private static byte[] wav(byte[] samples) throws IOException {
        ByteArrayOutputStream wav = new ByteArrayOutputStream(samples.length + 64);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(samples), FORMAT,
                samples.length / FORMAT.getFrameSize()), AudioFileFormat.Type.WAVE, wav);
        return wav.toByteArray();
    }
}
