package org.atelier.api.speech;

/**
 * When a word or phoneme is heard in the audio.
 *
 * @param text the word as written, or the phoneme's symbol
 * @param startMs from the start of the audio, in milliseconds
 * @param endMs from the start of the audio, in milliseconds; at least {@code startMs}
 */
public record Timing(String text, int startMs, int endMs) {

    public Timing {
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("a timing runs forwards from 0: " + startMs + ".." + endMs);
        }
    }

    /** @return this timing moved later by {@code ms} */
    public Timing shift(int ms) {
        return new Timing(text, startMs + ms, endMs + ms);
    }
}
