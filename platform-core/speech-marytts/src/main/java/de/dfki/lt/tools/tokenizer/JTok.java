package de.dfki.lt.tools.tokenizer;

import de.dfki.lt.tools.tokenizer.annotate.AnnotatedString;
import de.dfki.lt.tools.tokenizer.annotate.FastAnnotatedString;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Clean-room minimal tokenizer standing in for jtok (de.dfki.lt.jtok:jtok-core is not on Maven Central).
 * Written from what marytts.modules.JTokeniser calls, not from jtok's source:
 * <ul>
 * <li>{@code new JTok(Properties)} - properties ("languages", "en" -> "jtok/en") are ignored;</li>
 * <li>{@code AnnotatedString tokenize(String text, String lang)} - every token range carries the annotation
 * {@value #CLASS_ANNO} (any non-null value); the FIRST token of each sentence after the first carries
 * {@value #BORDER_ANNO} = "s", the first token of each new paragraph {@value #BORDER_ANNO} = "p" (JTokeniser closes
 * the current sentence/paragraph at the token before it). JTokeniser compares the border value with the literal
 * "p" by reference ({@code ==}), so the interned literal must be used.</li>
 * </ul>
 * Rules: whitespace separates; letters/digits run together; . , : ' ’ - / &amp; @ _ stay inside a token between two
 * letters/digits (comma only between digits); other punctuation is split off (runs of ., !, ?, - as one token);
 * a period is kept on an abbreviation (known list, single letter, or dotted like U.S); URLs/e-mails stay whole.
 * A sentence ends after . ! ? ... (plus closing quotes/brackets) when the next token does not start lower-case;
 * a paragraph ends at a blank line.
 */
public class JTok {
    public static final String CLASS_ANNO = "class";
    public static final String BORDER_ANNO = "border";
    public static final String S_BORDER = "s";
    public static final String P_BORDER = "p";

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no",
            "mt", "ave", "rd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "approx", "dept", "gen", "gov", "sen", "rep", "capt", "lt", "col", "sgt", "fig", "vol", "cf", "al");
    /** Abbreviations that do not end a sentence even before a capital ("Dr. Smith"). */
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "mt", "gen", "gov", "sen", "rep", "capt", "lt", "col", "sgt", "no", "fig", "vol",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "cf", "approx");
    private static final Pattern URL_OR_MAIL = Pattern.compile(
            "(?i)(https?://|www\\.)\\S+?|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern DOTTED = Pattern.compile("(\\p{L}\\.)+\\p{L}");
    private static final String JOINERS = ".,:'\u2019-/&@_";
    private static final String CLOSERS = "\"')]}\u201d\u2019\u00bb\u203a";

    private record Tok(int begin, int end, String cls) {}

    public JTok(Properties props) {
        // configuration files of the real jtok are not needed by these rules
    }

    public AnnotatedString tokenize(String text, String lang) {
        List<Tok> toks = new ArrayList<>();
        int i = 0, n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) i++;
            int end = i;
            while (end < n && !Character.isWhitespace(text.charAt(end))) end++;
            if (end > i) splitChunk(text, i, end, toks);
            i = end;
        }
        FastAnnotatedString result = new FastAnnotatedString(text);
        for (int k = 0; k < toks.size(); k++) {
            Tok t = toks.get(k);
            result.annotate(CLASS_ANNO, t.cls, t.begin, t.end);
            // JTokeniser reads the border on the token that OPENS a new sentence/paragraph: it closes the
            // previous <s> (or <p>) at the preceding token. So the annotation goes on token k+1.
            Tok next = k + 1 < toks.size() ? toks.get(k + 1) : null;
            if (next == null) continue;
            if (paragraphGap(text, t.end, next.begin)) {
                result.annotate(BORDER_ANNO, P_BORDER, next.begin, next.end);
            } else if (endsSentence(text, toks, k)) {
                result.annotate(BORDER_ANNO, S_BORDER, next.begin, next.end);
            }
        }
        return result;
    }

    private static boolean paragraphGap(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) if (text.charAt(i) == '\n') newlines++;
        return newlines >= 2;
    }

    private static boolean endsSentence(String text, List<Tok> toks, int k) {
        Tok t = toks.get(k);
        Tok next = k + 1 < toks.size() ? toks.get(k + 1) : null;
        // a closing quote/bracket directly after the terminal punctuation takes the border
        if (next != null && next.begin == t.end && next.cls.equals("CLOSE_PUNCT")) return false;
        int j = k;
        while (j >= 0 && toks.get(j).cls.equals("CLOSE_PUNCT") && j > 0 && toks.get(j - 1).end == toks.get(j).begin) j--;
        Tok term = toks.get(j);
        if (next == null) return term.cls.equals("TERM_PUNCT") || term.cls.equals("ABBREV");
        int c = text.codePointAt(next.begin);
        if (term.cls.equals("TERM_PUNCT")) return !Character.isLowerCase(c);
        // "Dr. Smith", "Jan. 3rd": an abbreviation ends a sentence only before a capital, and never a title
        return term.cls.equals("ABBREV") && Character.isUpperCase(c) && !TITLES.contains(stripDot(text, term));
    }

    private static String stripDot(String text, Tok t) {
        return text.substring(t.begin, t.end - 1).toLowerCase();
    }

    private static void splitChunk(String text, int begin, int end, List<Tok> out) {
        // keep URLs and e-mail addresses whole (minus trailing sentence punctuation)
        int core = end;
        while (core > begin && ".,;:!?)\"'".indexOf(text.charAt(core - 1)) >= 0) core--;
        if (core > begin && URL_OR_MAIL.matcher(text.substring(begin, core)).matches()) {
            out.add(new Tok(begin, core, "URL"));
            begin = core;
        }
        int start = out.size();
        int tokStart = -1;
        int i = begin;
        while (i < end) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (tokStart < 0) tokStart = i;
                i += len;
                continue;
            }
            char c = text.charAt(i);
            boolean inWord = tokStart >= 0 && i + 1 < end && Character.isLetterOrDigit(text.codePointAt(i + 1));
            if (inWord && JOINERS.indexOf(c) >= 0
                    && (c != ',' || (Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))))) {
                i++;
                continue;
            }
            if (c == '-' && tokStart < 0 && i + 1 < end && Character.isDigit(text.charAt(i + 1))) { // -5
                tokStart = i++;
                continue;
            }
            if (tokStart >= 0) {
                out.add(new Tok(tokStart, i, "WORD"));
                tokStart = -1;
            }
            int j = i + len;
            if (c == '.' || c == '!' || c == '?' || c == '-') {
                while (j < end && (text.charAt(j) == c || (c != '-' && c != '.' && "!?".indexOf(text.charAt(j)) >= 0))) j++;
            }
            String cls = (c == '.' || c == '!' || c == '?' || c == '\u2026') ? "TERM_PUNCT"
                    : CLOSERS.indexOf(c) >= 0 ? "CLOSE_PUNCT" : "PUNCT";
            out.add(new Tok(i, j, cls));
            i = j;
        }
        if (tokStart >= 0) out.add(new Tok(tokStart, end, "WORD"));
        // re-attach a single period to an abbreviation: Dr. / U.S. / J.
        for (int k = start; k + 1 < out.size(); k++) {
            Tok w = out.get(k), p = out.get(k + 1);
            if (w.cls.equals("WORD") && p.begin == w.end && p.end == p.begin + 1 && text.charAt(p.begin) == '.') {
                String word = text.substring(w.begin, w.end);
                boolean abbrev = ABBREVIATIONS.contains(word.toLowerCase())
                        || (word.length() == 1 && Character.isUpperCase(word.charAt(0)))
                        || DOTTED.matcher(word).matches();
                if (abbrev) {
                    out.set(k, new Tok(w.begin, p.end, "ABBREV"));
                    out.remove(k + 1);
                }
            }
        }
    }
}
