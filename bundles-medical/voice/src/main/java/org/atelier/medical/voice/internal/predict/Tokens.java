package org.atelier.medical.voice.internal.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into the units prediction works on: lower-case words (letters, digits, apostrophes) in languages
 * written with spaces, and single characters in Chinese, Japanese and Korean ideographic text, where one character
 * is the unit a person picks next.
 */
public final class Tokens {

    private Tokens() {
    }

    /** @return the sentences of the text, each a list of tokens; punctuation ends a sentence */
    public static List<List<String>> sentences(String text) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (ideographic(cp)) {
                flush(word, current);
                current.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp) || (cp == '\'' || cp == '’') && word.length() > 0) {
                word.appendCodePoint(cp == '’' ? '\'' : Character.toLowerCase(cp));
            } else {
                flush(word, current);
                if (".!?;。！？；\n".indexOf(cp) >= 0 && !current.isEmpty()) {
                    out.add(List.copyOf(current));
                    current.clear();
                }
            }
        });
        flush(word, current);
        if (!current.isEmpty()) {
            out.add(List.copyOf(current));
        }
        return out;
    }

    /**
     * What a person has typed so far, as prediction sees it.
     *
     * @param context the tokens of the sentence being written, before the word being typed
     * @param prefix the start of the word being typed, lower case; empty when the next word is wanted
     */
    public record Typed(List<String> context, String prefix) {
    }

    public static Typed typed(String text) {
        List<List<String>> s = sentences(text);
        int last = text.length() == 0 ? -1 : text.codePointBefore(text.length());
        List<String> context = new ArrayList<>();
        boolean ended = last >= 0 && ".!?;。！？；\n".indexOf(last) >= 0;
        if (!s.isEmpty() && !ended) {
            context.addAll(s.get(s.size() - 1));
        }
        String prefix = "";
        if (!context.isEmpty() && last >= 0 && Character.isLetterOrDigit(last) && !ideographic(last)) {
            prefix = context.remove(context.size() - 1);
        } else if (!context.isEmpty() && last == '\'') {
            prefix = context.remove(context.size() - 1);
        }
        return new Typed(context, prefix.toLowerCase(Locale.ROOT));
    }

    static boolean ideographic(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    private static void flush(StringBuilder word, List<String> current) {
        if (word.length() > 0) {
            current.add(word.toString());
            word.setLength(0);
        }
    }
}
