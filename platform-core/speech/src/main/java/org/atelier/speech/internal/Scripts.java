package org.atelier.speech.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The language a text is written in, as far as its script tells: Chinese characters alone say Chinese ({@code zh}),
 * with kana Japanese ({@code ja}), Hangul Korean ({@code ko}). Other scripts (Latin above all) say nothing, and the
 * request's or the platform's default language applies.
 */
final class Scripts {

    private Scripts() {
    }

    /**
     * @param text plain text, or SSML when {@code ssml} (its markup is not counted)
     * @return the language its letters are mostly written in, when their script tells it
     */
    static Optional<String> languageOf(String text, boolean ssml) {
        if (text == null) {
            return Optional.empty();
        }
        String t = ssml ? text.replaceAll("<[^>]*>", " ") : text;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int other = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> other++;
            }
        }
        int cjk = han + kana + hangul;
        if (cjk == 0 || cjk < other) {
            return Optional.empty();
        }
        if (kana > 0) {
            return Optional.of("ja");
        }
        return Optional.of(hangul > han ? "ko" : "zh");
    }

    /**
     * @return whether the voice speaks a language as {@link #languageOf} names it: Chinese characters ({@code zh})
     *         are spoken by a {@code zh}, Mandarin ({@code cmn}) or Cantonese ({@code yue}) voice
     */
    static boolean speaks(org.atelier.api.speech.Voice voice, String written) {
        return voice.speaks(written) || written.equals("zh") && (voice.speaks("cmn") || voice.speaks("yue"));
    }

    /** @return the language's English name, for messages: {@code zh} → Chinese */
    static String name(String language) {
        String n = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return n.isBlank() ? language : n;
    }
}
