package org.atelier.api.speech;

import java.util.Map;

/**
 * What to say and how.
 *
 * @param text plain text, or an SSML document when {@code ssml} is true (the subset: {@code speak}, {@code s},
 *        {@code p}, {@code break}, {@code prosody} rate/pitch/volume, {@code say-as} characters/digits,
 *        {@code phoneme} in IPA, {@code lang})
 * @param ssml whether {@code text} is SSML
 * @param language BCP 47 tag such as {@code en} or {@code zh}; {@code null} to take the voice's
 * @param voice a {@linkplain Voice#id() voice id}, or {@code null} for the first voice that speaks the language
 * @param rate speaking rate, 1 normal (0.25 to 4)
 * @param pitch pitch factor, 1 normal (0.5 to 2)
 * @param volume loudness factor, 1 normal (0 to 2)
 * @param lexicon how to say certain words: written word → spoken form, or {@code /IPA/} between slashes for
 *        phonemes; matched whole-word, case-insensitively; may be empty
 */
public record SpeechRequest(String text, boolean ssml, String language, String voice, double rate, double pitch,
                            double volume, Map<String, String> lexicon) {

    public SpeechRequest {
        lexicon = lexicon == null ? Map.of() : Map.copyOf(lexicon);
    }

    /** Plain text in a language with the default voice, spoken normally. */
    public static SpeechRequest of(String text, String language) {
        return new SpeechRequest(text, false, language, null, 1, 1, 1, Map.of());
    }
}
