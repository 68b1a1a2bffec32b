package org.atelier.speech.marytts.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IPA to the phones of MaryTTS's US English voices, as MaryXML writes them on a token ({@code <t ph="t @ - ' m EI -
 * t @U">}): the phone set is {@code allophones.en_US.xml} of marytts-lang-en (a SAMPA variant), phones separated by
 * spaces, syllables by {@code -}, a syllable's stress ({@code '} primary, {@code ,} secondary) before it.
 *
 * <p>Read: English IPA as dictionaries write it, British or American, broad or a little narrow: stress marks
 * {@code ˈ ˌ} (or {@code ' ,}), length {@code ː} (ignored: the set has one length per vowel), syllable dots and
 * spaces (syllable boundaries), tie bars, diphthongs, affricates with or without a tie bar ({@code tʃ dʒ}), {@code r}
 * and {@code ɹ}, the flap and glottal stop (as {@code t}), syllabic consonants ({@code n̩} as {@code @ n}), r-coloured
 * vowels ({@code ɚ ɝ ɜ˞}). Aspiration and non-syllabic marks are dropped. Anything else (ʀ, y, ø, x, ç, ɬ, clicks,
 * tones) is not English and is reported, not guessed.
 *
 * <p>Syllables, one vowel each: between two vowels a dot or space cuts, else a stress mark, else a single consonant
 * begins the next syllable and of several the first ends the syllable before. A stress mark stresses the syllable of
 * the vowel after it, so IPA's convention (the mark before the syllable) and espeak's (before the vowel) both work.
 * (MaryTTS's own syllabifier needs its allophone set loaded; this rule gives its result for most words.)
 */
final class MaryPhones {

    /** IPA (longest first wins) to MaryTTS phones; an empty value is dropped. */
    static final Map<String, String> TABLE = Map.ofEntries(
            // diphthongs and vowels with r (American: the r is said)
            Map.entry("eɪ", "EI"), Map.entry("ei", "EI"), Map.entry("aɪ", "AI"), Map.entry("ai", "AI"),
            Map.entry("ʌɪ", "AI"), Map.entry("ɑɪ", "AI"), Map.entry("aʊ", "aU"), Map.entry("au", "aU"),
            Map.entry("ɑʊ", "aU"), Map.entry("ɔɪ", "OI"), Map.entry("oɪ", "OI"), Map.entry("oʊ", "@U"),
            Map.entry("əʊ", "@U"), Map.entry("ou", "@U"), Map.entry("ɪə", "I r"), Map.entry("ɪɚ", "I r"),
            Map.entry("iə", "I r"), Map.entry("eə", "E r"), Map.entry("ɛə", "E r"), Map.entry("ɛɚ", "E r"),
            Map.entry("ʊə", "U r"), Map.entry("ʊɚ", "U r"), Map.entry("ɔə", "O r"), Map.entry("ə˞", "r="),
            Map.entry("ɜ˞", "r="), Map.entry("ɝ", "r="), Map.entry("ɚ", "r="), Map.entry("ɜ", "r="),
            // single vowels
            Map.entry("i", "i"), Map.entry("ɪ", "I"), Map.entry("ᵻ", "I"), Map.entry("ɨ", "I"), Map.entry("e", "E"),
            Map.entry("ɛ", "E"), Map.entry("æ", "{"), Map.entry("a", "{"), Map.entry("ɑ", "A"), Map.entry("ɒ", "A"),
            Map.entry("ɔ", "O"), Map.entry("o", "@U"), Map.entry("ʊ", "U"), Map.entry("u", "u"), Map.entry("ʉ", "u"),
            Map.entry("ʌ", "V"), Map.entry("ɐ", "V"), Map.entry("ə", "@"), Map.entry("ɘ", "@"), Map.entry("ᵊ", "@"),
            // consonants
            Map.entry("tʃ", "tS"), Map.entry("ʧ", "tS"), Map.entry("dʒ", "dZ"), Map.entry("ʤ", "dZ"),
            Map.entry("p", "p"), Map.entry("b", "b"), Map.entry("t", "t"), Map.entry("d", "d"), Map.entry("k", "k"),
            Map.entry("g", "g"), Map.entry("ɡ", "g"), Map.entry("f", "f"), Map.entry("v", "v"), Map.entry("θ", "T"),
            Map.entry("ð", "D"), Map.entry("s", "s"), Map.entry("z", "z"), Map.entry("ʃ", "S"), Map.entry("ʒ", "Z"),
            Map.entry("h", "h"), Map.entry("ɦ", "h"), Map.entry("m", "m"), Map.entry("n", "n"), Map.entry("ŋ", "N"),
            Map.entry("l", "l"), Map.entry("ɫ", "l"), Map.entry("ɹ", "r"), Map.entry("r", "r"), Map.entry("ɻ", "r"),
            Map.entry("w", "w"), Map.entry("ʍ", "w"), Map.entry("j", "j"), Map.entry("ɾ", "t"), Map.entry("ʔ", "t"),
            // syllabic consonants
            Map.entry("l̩", "@ l"), Map.entry("ɫ̩", "@ l"), Map.entry("n̩", "@ n"), Map.entry("m̩", "@ m"),
            Map.entry("ɹ̩", "r="), Map.entry("r̩", "r="),
            // marks that change nothing here
            Map.entry("ː", ""), Map.entry("ˑ", ""), Map.entry(":", ""), Map.entry("ʰ", ""), Map.entry("̯", ""),
            Map.entry("̚", ""), Map.entry("ʲ", ""), Map.entry("ʷ", ""));

    static final Set<String> VOWELS = Set.of("A", "O", "u", "i", "{", "V", "E", "I", "U", "@", "r=", "aU", "OI", "@U",
            "EI", "AI");

    private static final int LONGEST = TABLE.keySet().stream().mapToInt(String::length).max().orElse(1);

    private MaryPhones() {
    }

    /** What an IPA string turns into: MaryXML's {@code ph}, and the IPA symbols that have no phone here. */
    record Mapped(String ph, List<String> unknown) {
    }

    static Mapped map(String ipa) {
        String s = java.text.Normalizer.normalize(ipa, java.text.Normalizer.Form.NFC)
                .replace("\u0361", "").replace("\u035C", ""); // tie bars: t͡ʃ is tʃ
        List<String> phones = new ArrayList<>();
        Map<Integer, String> stress = new java.util.HashMap<>(); // before phone i
        Set<Integer> cuts = new java.util.HashSet<>(); // a syllable starts at phone i
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == 'ˈ' || c == '\'' || c == 'ˌ' || c == ',') {
                stress.merge(phones.size(), c == 'ˈ' || c == '\'' ? "'" : ",", (x, y) -> x.equals("'") ? x : y);
                i++;
                continue;
            }
            if (c == '.' || Character.isWhitespace(c)) {
                cuts.add(phones.size());
                i++;
                continue;
            }
            int n = Math.min(LONGEST, s.length() - i);
            String mapped = null;
            for (; n > 0; n--) {
                mapped = TABLE.get(s.substring(i, i + n));
                if (mapped != null) {
                    break;
                }
            }
            if (mapped == null) {
                int cp = s.codePointAt(i);
                unknown.add(Character.getType(cp) == Character.NON_SPACING_MARK ? "◌" + Character.toString(cp)
                        : Character.toString(cp));
                i += Character.charCount(cp);
                continue;
            }
            for (String p : mapped.split(" ")) {
                // ɪəɹ, ɜːɹ, ɚɹ: the r is in the vowel already
                if (!p.isEmpty() && !(p.equals("r") && !phones.isEmpty()
                        && phones.get(phones.size() - 1).startsWith("r"))) {
                    phones.add(p);
                }
            }
            i += n;
        }
        List<int[]> syllables = syllables(phones, stress.keySet(), cuts);
        // a stress mark stresses the syllable of the next vowel (IPA writes it before the syllable, espeak before
        // the vowel: the same syllable either way)
        String[] marks = new String[syllables.size()];
        stress.forEach((at, mark) -> {
            for (int i = at; i < phones.size(); i++) {
                if (VOWELS.contains(phones.get(i))) {
                    for (int k = 0; k < syllables.size(); k++) {
                        if (i >= syllables.get(k)[0] && i < syllables.get(k)[1]
                                && (marks[k] == null || mark.equals("'"))) {
                            marks[k] = mark;
                        }
                    }
                    return;
                }
            }
        });
        StringBuilder ph = new StringBuilder();
        for (int k = 0; k < syllables.size(); k++) {
            if (k > 0) {
                ph.append(" - ");
            }
            if (marks[k] != null) {
                ph.append(marks[k]).append(' ');
            }
            ph.append(String.join(" ", phones.subList(syllables.get(k)[0], syllables.get(k)[1])));
        }
        return new Mapped(ph.toString(), List.copyOf(unknown));
    }

    /**
     * Cuts phones into syllables of one vowel each: between two vowels at a syllable mark (dot, space) if there is
     * one, else at a stress mark, else before the last consonant (one consonant starts the next syllable; of several,
     * the first ends the syllable before and the rest start the next).
     *
     * @return each syllable as {@code [from, to)} phone indices
     */
    static List<int[]> syllables(List<String> phones, Set<Integer> stress, Set<Integer> cuts) {
        List<Integer> vowels = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            if (VOWELS.contains(phones.get(i))) {
                vowels.add(i);
            }
        }
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int v = 0; v + 1 < vowels.size(); v++) {
            int a = vowels.get(v);
            int b = vowels.get(v + 1);
            int cut = -1;
            for (int i = a + 1; i <= b && cut < 0; i++) {
                if (cuts.contains(i)) {
                    cut = i;
                }
            }
            for (int i = a + 1; i < b && cut < 0; i++) { // a mark right before the vowel says nothing of onsets
                if (stress.contains(i)) {
                    cut = i;
                }
            }
            if (cut < 0) {
                cut = b - a - 1 >= 2 ? a + 2 : a + 1;
            }
            out.add(new int[] {start, cut});
            start = cut;
        }
        if (start < phones.size() || out.isEmpty()) {
            out.add(new int[] {start, phones.size()});
        }
        return out;
    }
}
