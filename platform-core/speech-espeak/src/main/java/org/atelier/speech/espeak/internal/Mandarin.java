package org.atelier.speech.espeak.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;

/**
 * Mandarin for espeak: espeak's {@code cmn} voice reads Han characters without tones it can use, while
 * {@code cmn-latn-pinyin} speaks numbered pinyin with real tones ({@code wo3 xu1 yao4}). HanLP turns characters into
 * that pinyin, word by word (so most polyphones are read right: 银行 yin2 hang2), after a small curated dictionary of
 * words it reads wrong in context ({@code polyphones.txt}: 行长 hang2 zhang3, 长大 zhang3 da4, 重庆 chong2 qing4, …,
 * longest first); numbered pinyin already in the text (a profile's lexicon can put it there: 行长 → {@code hang2
 * zhang3}) is spoken as it is, so it wins over both. This class keeps, for every
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
                String[] syllables = read(cps, i, end, loader);
                for (int k = 0; k < end - i; k++) {
                    String s = syllables[k];
                    if (s == null || s.isEmpty()) {
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

    /**
     * @return the numbered pinyin of the Han characters {@code [from, to)}, one syllable per character ({@code null}
     *         for one HanLP does not know): words of the override dictionary first, longest first, the rest by HanLP
     */
    static String[] read(int[] cps, int from, int to, ClassLoader loader) {
        Map<String, String[]> words = Overrides.WORDS;
        String[] out = new String[to - from];
        int pending = from;
        for (int j = from; j < to; ) {
            String[] found = null;
            int n = Math.min(Overrides.LONGEST, to - j);
            for (; n > 1 && found == null; n--) {
                found = words.get(new String(cps, j, n));
            }
            if (found == null) {
                j++;
                continue;
            }
            hanlp(cps, pending, j, from, out, loader);
            System.arraycopy(found, 0, out, j - from, found.length);
            j += found.length;
            pending = j;
        }
        hanlp(cps, pending, to, from, out, loader);
        return out;
    }

    private static void hanlp(int[] cps, int from, int to, int base, String[] out, ClassLoader loader) {
        if (from >= to) {
            return;
        }
        List<Pinyin> syllables = pinyin(new String(cps, from, to - from), loader);
        for (int k = 0; k < to - from; k++) {
            Pinyin p = k < syllables.size() ? syllables.get(k) : Pinyin.none5;
            out[from - base + k] = p == Pinyin.none5 ? null : p.name();
        }
    }

    private static final Pattern SYLLABLE = Pattern.compile("[a-zA-ZüÜ:]+[1-5]");
    private static final Pattern PINYIN = Pattern.compile("\\s*[a-zA-ZüÜ:]+[1-5](?:[\\s,.!?;]+[a-zA-ZüÜ:]+[1-5])*"
            + "[\\s,.!?;]*");

    /** @return whether the text is numbered pinyin only ({@code hang2 zhang3}), as a lexicon entry may give it */
    static boolean isPinyin(String text) {
        return PINYIN.matcher(text).matches();
    }

    /** The curated override dictionary, {@code polyphones.txt} beside this class, read once. */
    private static final class Overrides {
        static final Map<String, String[]> WORDS = load();
        static final int LONGEST = WORDS.keySet().stream().mapToInt(w -> w.codePointCount(0, w.length())).max()
                .orElse(1);

        private static Map<String, String[]> load() {
            Map<String, String[]> words = new HashMap<>();
            try (InputStream in = Mandarin.class.getResourceAsStream("polyphones.txt")) {
                if (in == null) {
                    throw new IllegalStateException("polyphones.txt is missing from the bundle");
                }
                int line = 0;
                for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                    line++;
                    String t = l.strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        continue;
                    }
                    int eq = t.indexOf('=');
                    String word = eq < 0 ? "" : t.substring(0, eq).strip();
                    String[] syllables = eq < 0 ? new String[0] : t.substring(eq + 1).strip().split("\\s+");
                    if (word.isEmpty() || syllables.length != word.codePointCount(0, word.length())
                            || !word.codePoints().allMatch(Mandarin::isHan)
                            || !java.util.Arrays.stream(syllables).allMatch(x -> SYLLABLE.matcher(x).matches())) {
                        throw new IllegalStateException("polyphones.txt line " + line + ": '" + t + "' is not "
                                + "characters = one numbered pinyin syllable each");
                    }
                    words.put(word, syllables);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(words);
        }
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
