package org.atelier.api.labels;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Labels for content that is sent as it is made and never stored, such as speech streamed to a person's device or
 * the events of a chat: the same AIGC label as a stored artifact's, with a ProduceID of its own. The platform
 * registers this service; the ContentProducer is the one it is configured with.
 *
 * @since 1.0
 */
@ProviderType
public interface LiveLabels {

    /** The name of the Server-Sent Event that {@link #sseLabelEvent} writes. */
    String SSE_EVENT = "aigc-label";

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
     * @throws IllegalArgumentException when {@code wav} is not a WAV file the platform can label
     */
    byte[] labelWav(byte[] wav, AigcLabel label, boolean explicit);

    /**
     * @return the explicit label for speech: a short audible cue (two tones), as mono 16-bit little-endian PCM, to
     *         send before the speech when a person has chosen to have it (it is off by default for live speech)
     */
    byte[] audioCue(int sampleRate);

    /**
     * @return the label as the JSON object that stored artifacts carry under {@code AIGC}, fields in the standard's
     *         order ({@code {"Label":"1","ContentProducer":…}}), for a JSON stream to send first
     */
    String labelJson(AigcLabel label);

    /** @return the explicit label for text, one line a reader sees, in Chinese and English */
    String explicitText();

    /**
     * @param explicit whether the explicit line follows the implicit label
     * @return what a text stream (plain text or Markdown) sends before its first word: the implicit label as front
     *         matter ({@code ---\nAIGC: {…}\n---\n}), as stored text artifacts carry it, then the explicit line
     */
    String textStreamHeader(AigcLabel label, boolean explicit);

    /**
     * @param explicit whether the event's data carries the explicit line too (as {@code notice})
     * @return the Server-Sent Event a chat sends first: {@code event: aigc-label} with the data
     *         {@code {"AIGC":{…},"notice":"…"}} on one line, ended by a blank line
     */
    String sseLabelEvent(AigcLabel label, boolean explicit);
}
