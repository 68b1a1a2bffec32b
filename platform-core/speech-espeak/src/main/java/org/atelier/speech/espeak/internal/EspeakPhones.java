package org.atelier.speech.espeak.internal;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IPA to espeak-ng's phoneme input for English ({@code [[t@m'eIt#oU]]}): espeak's own names for the phonemes of its
 * English voices ({@code espeak-ng -v en-us -x} prints them), with {@code '} and {@code ,} for primary and secondary
 * stress (espeak moves a mark to the vowel after it) and spaces between words.
 *
 * <p>Read: English IPA as dictionaries write it, British or American: stress marks {@code ˈ ˌ} (or {@code ' ,}),
 * length {@code ː} (espeak's vowels carry their own length: {@code i:} {@code u:} {@code A:} {@code O:} {@code 3:}),
 * syllable dots (dropped), tie bars, diphthongs, affricates, {@code r} and {@code ɹ}, r-coloured vowels, the flap
 * ({@code t#}), the glottal stop ({@code ?}), syllabic consonants. Anything else is not English and is reported.
 * (MaryTTS's table, in its own bundle, reads the same IPA: the two are kept side by side rather than shared, since
 * bundles share nothing but the API.)
 */
final class EspeakPhones {

    /** IPA (longest first wins) to espeak's English phoneme names; an empty value is dropped. */
    static final Map<String, String> TABLE = Map.ofEntries(
            // diphthongs, vowels before r
            Map.entry("eɪ", "eI"), Map.entry("ei", "eI"), Map.entry("aɪ", "aI"), Map.entry("ai", "aI"),
            Map.entry("ʌɪ", "aI"), Map.entry("ɑɪ", "aI"), Map.entry("aʊ", "aU"), Map.entry("au", "aU"),
            Map.entry("ɑʊ", "aU"), Map.entry("ɔɪ", "OI"), Map.entry("oɪ", "OI"), Map.entry("oʊ", "oU"),
            Map.entry("əʊ", "oU"), Map.entry("ou", "oU"), Map.entry("ɪə", "i@"), Map.entry("iə", "i@"),
            Map.entry("eə", "e@"), Map.entry("ɛə", "e@"), Map.entry("ʊə", "U@"), Map.entry("ɔə", "O@"),
            Map.entry("ə˞", "3"), Map.entry("ɜ˞", "3:"), Map.entry("ɝ", "3:"), Map.entry("ɚ", "3"),
            Map.entry("ɜː", "3:"), Map.entry("ɜ", "3:"),
            // single vowels, long ones with their length
            Map.entry("iː", "i:"), Map.entry("i", "i:"), Map.entry("ɪ", "I"), Map.entry("ᵻ", "I"), Map.entry("ɨ", "I"),
            Map.entry("e", "E"), Map.entry("ɛ", "E"), Map.entry("æ", "a"), Map.entry("a", "a"),
            Map.entry("ɑː", "A:"), Map.entry("ɑ", "A:"), Map.entry("ɒ", "0"), Map.entry("ɔː", "O:"),
            Map.entry("ɔ", "O:"), Map.entry("o", "oU"), Map.entry("ʊ", "U"), Map.entry("uː", "u:"),
            Map.entry("u", "u:"), Map.entry("ʉ", "u:"), Map.entry("ʉː", "u:"), Map.entry("ʌ", "V"),
            Map.entry("ɐ", "V"), Map.entry("ə", "@"), Map.entry("ɘ", "@"), Map.entry("ᵊ", "@"),
            // consonants
            Map.entry("tʃ", "tS"), Map.entry("ʧ", "tS"), Map.entry("dʒ", "dZ"), Map.entry("ʤ", "dZ"),
            Map.entry("p", "p"), Map.entry("b", "b"), Map.entry("t", "t"), Map.entry("d", "d"), Map.entry("k", "k"),
            Map.entry("g", "g"), Map.entry("ɡ", "g"), Map.entry("f", "f"), Map.entry("v", "v"), Map.entry("θ", "T"),
            Map.entry("ð", "D"), Map.entry("s", "s"), Map.entry("z", "z"), Map.entry("ʃ", "S"), Map.entry("ʒ", "Z"),
            Map.entry("h", "h"), Map.entry("ɦ", "h"), Map.entry("m", "m"), Map.entry("n", "n"), Map.entry("ŋ", "N"),
            Map.entry("l", "l"), Map.entry("ɫ", "l"), Map.entry("ɹ", "r"), Map.entry("r", "r"), Map.entry("ɻ", "r"),
            Map.entry("w", "w"), Map.entry("ʍ", "w"), Map.entry("j", "j"), Map.entry("ɾ", "t#"), Map.entry("ʔ", "?"),
            // syllabic consonants
            Map.entry("l̩", "@L"), Map.entry("ɫ̩", "@L"), Map.entry("n̩", "n-"), Map.entry("m̩", "m-"),
            Map.entry("ɹ̩", "3"), Map.entry("r̩", "3"),
            // stress, and marks that change nothing here
            Map.entry("ˈ", "'"), Map.entry("'", "'"), Map.entry("ˌ", ","), Map.entry(",", ","), Map.entry(".", ""),
            Map.entry("ː", ""), Map.entry("ˑ", ""), Map.entry(":", ""), Map.entry("ʰ", ""), Map.entry("̯", ""),
            Map.entry("̚", ""), Map.entry("ʲ", ""), Map.entry("ʷ", ""));

    private static final int LONGEST = TABLE.keySet().stream().mapToInt(String::length).max().orElse(1);

    private EspeakPhones() {
    }

    /** What an IPA string turns into: espeak's phoneme names (without the brackets), and what has none. */
    record Mapped(String phonemes, List<String> unknown) {

        /** @return the text to give espeak with phoneme input on */
        String input() {
            return "[[" + phonemes + "]]";
        }
    }

    static Mapped map(String ipa) {
        String s = Normalizer.normalize(ipa, Normalizer.Form.NFC).replace("\u0361", "").replace("\u035C", "");
        StringBuilder out = new StringBuilder();
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < s.length(); ) {
            if (Character.isWhitespace(s.charAt(i))) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
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
            // ɜːɹ, ɚɹ, ɛəɹ: the r is in espeak's vowel already
            if (!(mapped.equals("r") && endsInRVowel(out))) {
                out.append(mapped);
            }
            i += n;
        }
        return new Mapped(out.toString().strip(), List.copyOf(unknown));
    }

    private static boolean endsInRVowel(StringBuilder out) {
        String s = out.toString();
        return s.endsWith("3") || s.endsWith("3:") || s.endsWith("e@") || s.endsWith("U@") || s.endsWith("O@");
    }
}
