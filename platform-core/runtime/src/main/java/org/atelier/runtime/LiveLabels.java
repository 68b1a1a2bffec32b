package org.atelier.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Labels for content that is sent as it is made and never stored, such as speech streamed to a person's device:
 * the same AIGC label as a stored artifact's, with a ProduceID of its own.
 */
@ProviderType
public interface LiveLabels {

    /**
     * @param generator {@code vertical/id} of what makes the content, written as ReservedCode1
     * @return a new label with the configured ContentProducer and a new ProduceID
     */
    AigcLabel newLabel(String generator);

    /**
     * @return the header of a mono 16-bit PCM WAV of unknown length whose {@code AIGC} chunk, before the audio,
     *         carries the label; the audio follows it as it is made
     */
    byte[] wavStreamHeader(int sampleRate, AigcLabel label);

    /**
     * @param wav a whole WAV file made by a generator, to be written outside the artifact store (a file the shell
     *        writes)
     * @param explicit whether the audible cue goes before the sound too
     * @return the file with the label in its {@code AIGC} chunk
     */
    byte[] labelWav(byte[] wav, AigcLabel label, boolean explicit);

    /**
     * @return the explicit label for speech: a short audible cue (two tones), as mono 16-bit little-endian PCM, to
     *         send before the speech when a person has chosen to have it (it is off by default for live speech)
     */
    byte[] audioCue(int sampleRate);
}
