package org.atelier.api.speech;

/**
 * A stretch of speech with one way of speaking it: what the platform makes of plain text or SSML before an engine
 * speaks it. Say-as and lexicon entries are already applied to {@code text}.
 *
 * @param text the words to speak; may be empty for a pure pause
 * @param phonemes how to pronounce {@code text}, in IPA, or {@code null} to let the engine decide
 * @param language the language of this stretch (BCP 47)
 * @param rate speaking rate, 1 normal, from 0.25 to 4
 * @param pitch pitch factor, 1 normal, from 0.5 to 2
 * @param volume loudness factor, 1 normal, from 0 to 2
 * @param pauseAfterMs silence after it, in milliseconds
 */
public record Segment(String text, String phonemes, String language, double rate, double pitch, double volume,
                      int pauseAfterMs) {

    public Segment {
        text = text == null ? "" : text;
        if (!(rate >= 0.25 && rate <= 4) || !(pitch >= 0.5 && pitch <= 2) || !(volume >= 0 && volume <= 2)
                || pauseAfterMs < 0) {
            throw new IllegalArgumentException("rate 0.25..4, pitch 0.5..2, volume 0..2, pause >= 0");
        }
    }

    /** Plain text in a language, spoken normally. */
    public static Segment of(String text, String language) {
        return new Segment(text, null, language, 1, 1, 1, 0);
    }
}
