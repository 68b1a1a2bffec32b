package org.atelier.speech.espeak.internal;

import java.util.ArrayList;
import java.util.List;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * Mandarin for espeak: espeak's {@code cmn} voice reads Han characters without tones it can use, while
 * {@code cmn-latn-pinyin} speaks numbered pinyin with real tones ({@code wo3 xu1 yao4}). HanLP turns characters into
 * that pinyin, word by word (so most polyphones are read right: 银行 yin2 hang2), and this class keeps, for every
 * code point it writes, the code point of the written text it came from, so espeak's word events can be mapped back
 * to characters.
 */
final class Mandarin {

    /** Text for espeak and, per code point of it, the index of the code point of the original text it stands for. */
    record Converted(String text, int[] origin) {
    }

    private Mandarin() {
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(Mandarin::isHan);
    }

    /**
     * @return {@code text} with every run of Han characters replaced by numbered pinyin syllables separated by spaces,
     *         full-width punctuation by ASCII punctuation, everything else unchanged
     */
    static Converted toPinyin(String text, ClassLoader loader) {
        int[] cps = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        int i = 0;
        while (i < cps.length) {
            if (isHan(cps[i])) {
                int end = i;
                while (end < cps.length && isHan(cps[end])) {
                    end++;
                }
                List<Pinyin> syllables = pinyin(new String(cps, i, end - i), loader);
                for (int k = 0; k < end - i; k++) {
                    Pinyin p = k < syllables.size() ? syllables.get(k) : Pinyin.none5;
                    String s = p == Pinyin.none5 ? "" : p.name();
                    if (s.isEmpty()) {
                        continue; // a character HanLP does not know: left unspoken
                    }
                    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                        append(out, origin, " ", i + k);
                    }
                    append(out, origin, s, i + k);
                }
                if (end < cps.length && ascii(cps[end]) == null) {
                    append(out, origin, " ", end);
                }
                i = end;
            } else {
                String ascii = ascii(cps[i]);
                append(out, origin, ascii == null ? new String(cps, i, 1) : ascii, i);
                i++;
            }
        }
        return new Converted(out.toString(), origin.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void append(StringBuilder out, List<Integer> origin, String s, int from) {
        out.append(s);
        s.codePoints().forEach(c -> origin.add(from));
    }

    /** Full-width punctuation espeak's pinyin voice would not take as a pause. */
    private static String ascii(int cp) {
        return switch (cp) {
            case '，', '、' -> ", ";
            case '。' -> ". ";
            case '！' -> "! ";
            case '？' -> "? ";
            case '；' -> "; ";
            case '：' -> ": ";
            default -> null;
        };
    }

    /** HanLP reads its dictionaries as resources of its own jar; its configuration through the context loader. */
    private static List<Pinyin> pinyin(String han, ClassLoader loader) {
        Thread t = Thread.currentThread();
        ClassLoader old = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return HanLP.convertToPinyinList(han);
        } finally {
            t.setContextClassLoader(old);
        }
    }
}
