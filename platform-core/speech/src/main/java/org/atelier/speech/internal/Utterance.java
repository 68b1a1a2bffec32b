package org.atelier.speech.internal;

import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.Segment;
import org.atelier.api.speech.SpeechRequest;

/**
 * What a request asks to be said, checked and made ready for an engine: SSML parsed, the lexicon applied, the
 * request's rate, pitch and volume folded in, and the whole cut into sentences so the first can be spoken while
 * the rest are synthesised.
 */
final class Utterance {

    private Utterance() {
    }

    /**
     * What to speak.
     *
     * @param sentences each the segments to speak in order
     * @param phonemes every IPA string of a segment, with the request field it came from ({@code text} for SSML's
     *        {@code <phoneme>}, {@code lexicon} for an entry's {@code /…/}), to name it when a voice cannot say it
     */
    record Plan(List<List<Segment>> sentences, Map<String, String> phonemes) {
    }

    /**
     * @param maxChars the longest text accepted
     * @return the sentences and where their phonemes came from
     * @throws InvalidInputException naming the field at fault
     */
    static Plan plan(SpeechRequest r, String language, int maxChars) {
        String text = r.text();
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "is empty: give words to speak");
        }
        if (text.length() > maxChars) {
            throw new InvalidInputException("text", "has " + text.length() + " characters; at most " + maxChars
                    + " are spoken at once");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException("text", String.format("has the control character U+%04X at %d",
                        (int) c, i));
            }
        }
        check("rate", r.rate(), 0.25, 4);
        check("pitch", r.pitch(), 0.5, 2);
        check("volume", r.volume(), 0, 2);
        List<Ssml.Piece> pieces = r.ssml() ? Ssml.parse(text, language)
                : List.of(new Ssml.Piece(text, null, language, 1, 1, 1, 0, false));
        Map<String, String> phonemes = new LinkedHashMap<>();
        pieces.stream().filter(p -> p.phonemes() != null).forEach(p -> phonemes.putIfAbsent(p.phonemes(), "text"));
        pieces = Lexicon.of(r.lexicon()).apply(pieces, maxChars);
        if (pieces.stream().allMatch(p -> p.text().isBlank() && p.phonemes() == null)) {
            throw new InvalidInputException("text", "has nothing to speak");
        }
        pieces.stream().filter(p -> p.phonemes() != null).forEach(p -> phonemes.putIfAbsent(p.phonemes(),
                "lexicon"));
        return new Plan(sentences(pieces, r), phonemes);
    }

    private static void check(String field, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new InvalidInputException(field, "must be from " + min + " to " + max + " (1 is normal)");
        }
    }

    private static List<List<Segment>> sentences(List<Ssml.Piece> pieces, SpeechRequest r) {
        List<List<Segment>> out = new ArrayList<>();
        List<Segment> current = new ArrayList<>();
        for (Ssml.Piece p : pieces) {
            double rate = Math.max(0.25, Math.min(4, p.rate() * r.rate()));
            double pitch = Math.max(0.5, Math.min(2, p.pitch() * r.pitch()));
            double volume = Math.max(0, Math.min(2, p.volume() * r.volume()));
            if (p.phonemes() != null || p.text().isBlank()) {
                current.add(new Segment(p.text().strip(), p.phonemes(), p.language(), rate, pitch, volume,
                        p.pauseAfterMs()));
            } else {
                List<String> parts = split(p.text(), p.language());
                for (int i = 0; i < parts.size(); i++) {
                    boolean last = i == parts.size() - 1;
                    current.add(new Segment(parts.get(i).strip(), null, p.language(), rate, pitch, volume,
                            last ? p.pauseAfterMs() : 0));
                    if (!last || endsSentence(parts.get(i))) {
                        close(out, current);
                        current = new ArrayList<>();
                    }
                }
            }
            if (p.sentenceEnd()) {
                close(out, current);
                current = new ArrayList<>();
            }
        }
        close(out, current);
        return out;
    }

    private static void close(List<List<Segment>> out, List<Segment> sentence) {
        List<Segment> kept = sentence.stream().filter(s -> !s.text().isEmpty() || s.phonemes() != null
                || s.pauseAfterMs() > 0).toList();
        if (kept.stream().anyMatch(s -> !s.text().isEmpty() || s.phonemes() != null)) {
            out.add(kept);
        } else if (!kept.isEmpty() && !out.isEmpty()) {
            // a pause on its own belongs to the sentence before it
            List<Segment> before = new ArrayList<>(out.remove(out.size() - 1));
            before.addAll(kept);
            out.add(before);
        }
    }

    private static boolean endsSentence(String s) {
        String t = s.strip();
        return !t.isEmpty() && ".!?。！？…".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    static List<String> split(String text, String language) {
        BreakIterator it = BreakIterator.getSentenceInstance(language == null ? Locale.ROOT
                : Locale.forLanguageTag(language));
        it.setText(text);
        List<String> out = new ArrayList<>();
        String pending = "";
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String piece = pending + text.substring(start, end);
            if (ABBREVIATION.matcher(piece).find()) {
                // "Dr. Smith": the JDK's rules end a sentence after a title; the sentence goes on
                pending = piece;
                continue;
            }
            pending = "";
            if (!piece.isBlank()) {
                out.add(piece);
            }
        }
        if (!pending.isBlank()) {
            out.add(pending);
        }
        return out;
    }

    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:^|\\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|vs|etc|e\\.g|i\\.e|z\\.B|Nr|Hr|Fr)\\.\\s*$");

    /** A person's pronunciations: written word → spoken form, or {@code /IPA/} for phonemes. */
    static final class Lexicon {

        static final int MAX_ENTRIES = 500;
        static final int MAX_LENGTH = 200;
        private final Map<String, String> entries;
        private final Map<String, Pattern> patterns = new LinkedHashMap<>();

        private Lexicon(Map<String, String> entries) {
            this.entries = entries;
            entries.keySet().forEach(k -> patterns.put(k, pattern(k)));
        }

        static Lexicon of(Map<String, String> raw) {
            if (raw.size() > MAX_ENTRIES) {
                throw new InvalidInputException("lexicon", "has " + raw.size() + " entries; at most " + MAX_ENTRIES);
            }
            Map<String, String> entries = new LinkedHashMap<>();
            raw.forEach((k, v) -> {
                if (k == null || k.isBlank() || v == null || v.isBlank()) {
                    throw new InvalidInputException("lexicon", "an entry needs a word and how to say it");
                }
                if (k.length() > MAX_LENGTH || v.length() > MAX_LENGTH) {
                    throw new InvalidInputException("lexicon", "a word and how to say it have at most " + MAX_LENGTH
                            + " characters each");
                }
                if (isPhonemes(v) && v.strip().length() < 3) {
                    throw new InvalidInputException("lexicon", "'" + k + "': phonemes go between slashes, /…/");
                }
                entries.put(k.strip().toLowerCase(Locale.ROOT), v.strip());
            });
            Lexicon l = new Lexicon(entries);
            l.checkNoLoop();
            return l;
        }

        private static boolean isPhonemes(String v) {
            String t = v.strip();
            return t.startsWith("/") && t.endsWith("/");
        }

        private static Pattern pattern(String word) {
            boolean spaced = word.codePoints().noneMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN);
            String q = Pattern.quote(word);
            return Pattern.compile(spaced ? "(?<![\\p{L}\\p{N}])" + q + "(?![\\p{L}\\p{N}])" : q,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        /** Refuses entries whose spoken forms lead back to themselves (a → b, b → a), which would never end. */
        private void checkNoLoop() {
            Map<String, Integer> state = new LinkedHashMap<>();
            for (String k : entries.keySet()) {
                visit(k, state, new ArrayDeque<>());
            }
        }

        private void visit(String k, Map<String, Integer> state, Deque<String> path) {
            Integer s = state.get(k);
            if (s != null && s == 2) {
                return;
            }
            path.addLast(k);
            if (s != null && s == 1) {
                List<String> loop = new ArrayList<>(path);
                loop = loop.subList(loop.indexOf(k), loop.size());
                throw new InvalidInputException("lexicon", "entries loop: " + String.join(" → ", loop));
            }
            state.put(k, 1);
            String v = entries.get(k);
            if (!isPhonemes(v)) {
                for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
                    if (e.getValue().matcher(v).find()) {
                        visit(e.getKey(), state, path);
                    }
                }
            }
            state.put(k, 2);
            path.removeLast();
        }

        /** @param maxChars the most characters the expanded text may have: entries that multiply are refused */
        List<Ssml.Piece> apply(List<Ssml.Piece> pieces, int maxChars) {
            if (entries.isEmpty()) {
                return pieces;
            }
            List<Ssml.Piece> out = new ArrayList<>();
            int[] budget = {maxChars};
            for (Ssml.Piece p : pieces) {
                expand(p, out, 0, budget);
            }
            return out;
        }

        private void expand(Ssml.Piece p, List<Ssml.Piece> out, int depth, int[] budget) {
            if (p.phonemes() != null || p.text().isBlank() || depth > entries.size()) {
                spend(p, out, budget);
                return;
            }
            for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
                Matcher m = e.getValue().matcher(p.text());
                if (!m.find()) {
                    continue;
                }
                String said = entries.get(e.getKey());
                Ssml.Piece before = with(p, p.text().substring(0, m.start()), null, 0, false);
                Ssml.Piece after = with(p, p.text().substring(m.end()), null, p.pauseAfterMs(), p.sentenceEnd());
                expand(before, out, depth, budget);
                if (isPhonemes(said)) {
                    spend(with(p, m.group(), said.substring(1, said.length() - 1).strip(), 0, false), out, budget);
                } else {
                    expand(with(p, said, null, 0, false), out, depth + 1, budget);
                }
                expand(after, out, depth, budget);
                return;
            }
            spend(p, out, budget);
        }

        private static void spend(Ssml.Piece p, List<Ssml.Piece> out, int[] budget) {
            budget[0] -= p.text().length() + 1;
            if (budget[0] < 0) {
                throw new InvalidInputException("lexicon", "its entries make the text longer than can be spoken at "
                        + "once");
            }
            out.add(p);
        }

        private static Ssml.Piece with(Ssml.Piece p, String text, String phonemes, int pause, boolean end) {
            return new Ssml.Piece(text, phonemes, p.language(), p.rate(), p.pitch(), p.volume(), pause, end);
        }
    }
}
