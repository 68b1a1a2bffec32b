package org.atelier.medical.voice.internal;

import java.util.Map;

import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.SpeechRequest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a person says through the device.
 *
 * @param text what to say (plain text, or SSML when {@code ssml} is true)
 * @param language BCP 47 tag, such as {@code en} or {@code zh}; empty for the voice's own
 * @param voice a voice id from {@code atelier:voices}; empty for the first that speaks the language
 * @param rate speaking rate, 1 normal
 * @param ssml whether the text is SSML
 * @param lexicon how to say certain words: word → spoken form, or {@code /IPA/}
 * @param profile a profile id: the person's voice, prosody, languages and lexicon, and their history
 */
public record SpeakInput(@NotNull @Size(max = 100_000) String text, @Size(max = 35) String language,
                         @Size(max = 200) String voice, @DecimalMin("0.25") @DecimalMax("4") Double rate,
                         Boolean ssml, @Size(max = 10_000) Map<String, String> lexicon,
                         @Size(max = 64) String profile) {

    /** @throws InvalidInputException naming the lexicon when an entry lacks a word or its spoken form */
    SpeechRequest request() {
        if (lexicon != null && lexicon.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw new InvalidInputException("lexicon", "an entry needs a word and how to say it");
        }
        return new SpeechRequest(text, Boolean.TRUE.equals(ssml), blank(language), blank(voice),
                rate == null ? 1 : rate, 1, 1, lexicon);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
