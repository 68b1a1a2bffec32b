package org.atelier.medical.voice.internal.predict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Word prediction and phrase completion for a person: an interpolated Kneser–Ney trigram model of their own history,
 * mixed with one of a base corpus in the same language. The person's model weighs more as their history grows
 * (λ = n / (n + 200) for n tokens of history, at most 0.7), so the first days lean on the base corpus and later ones
 * on how they actually speak.
 */
public final class Predictor {

    private static final int HISTORY_TOKENS_HALF_WEIGHT = 200;
    private static final double MAX_PERSONAL_WEIGHT = 0.7;

    /** @param word a next word (or the rest of the word being typed), @param probability its probability */
    public record Suggestion(String word, double probability) {
    }

    /**
     * @param language the language predicted for
     * @param prefix the start of the word being typed, empty when a next word is predicted
     * @param words the likeliest words, most likely first
     * @param phrases whole phrases the person has said, or has on a board, that start with what is typed
     */
    public record Prediction(String language, String prefix, List<Suggestion> words, List<String> phrases) {
    }

    private final Function<String, InputStream> corpora;
    private final Map<String, NgramModel> base = new ConcurrentHashMap<>();
    private final Map<String, Personal> personal = new ConcurrentHashMap<>();

    private record Personal(Object version, NgramModel model) {
    }

    /** @param corpora the base corpus of a language ({@code en}, {@code zh}), one sentence a line; null for none */
    public Predictor(Function<String, InputStream> corpora) {
        this.corpora = corpora;
    }

    /** @return the base corpus's language for a tag: {@code zh-CN} → {@code zh} */
    public static String baseLanguage(String language) {
        return language.toLowerCase(Locale.ROOT).split("-")[0];
    }

    /**
     * @param key whose history this is (a profile id), or {@code null} when there is none
     * @param version changes whenever the history changes, so a stale model is rebuilt
     * @param history what the person said in this language, newest first
     * @param boardPhrases phrases on the person's boards in this language
     */
    public Prediction predict(String language, String text, String key, Object version, List<String> history,
                              List<String> boardPhrases, int limit) {
        Tokens.Typed typed = Tokens.typed(text);
        NgramModel b = base.computeIfAbsent(baseLanguage(language), this::load);
        NgramModel p = null;
        if (key != null && !history.isEmpty()) {
            String k = key + '\u0000' + language;
            Personal cached = personal.get(k);
            if (cached == null || !cached.version().equals(version)) {
                cached = new Personal(version, new NgramModel(sentences(history)));
                personal.put(k, cached);
            }
            p = cached.model();
        }
        double lambda = p == null ? 0 : b.tokens() == 0 ? 1
                : Math.min(MAX_PERSONAL_WEIGHT, (double) p.tokens() / (p.tokens() + HISTORY_TOKENS_HALF_WEIGHT));
        List<String> ctx = typed.context();
        String w1 = ctx.size() >= 2 ? ctx.get(ctx.size() - 2) : null;
        String w2 = ctx.size() >= 1 ? ctx.get(ctx.size() - 1) : null;
        Set<String> candidates = new HashSet<>(b.vocabulary().keySet());
        if (p != null) {
            candidates.addAll(p.vocabulary().keySet());
        }
        List<Suggestion> words = new ArrayList<>();
        for (String w : candidates) {
            if (!w.startsWith(typed.prefix()) || w.equals(NgramModel.BOS)) {
                continue;
            }
            double pr = (1 - lambda) * b.probability(w1, w2, w) + (p == null ? 0 : lambda * p.probability(w1, w2, w));
            words.add(new Suggestion(written(language, w), pr));
        }
        words.sort(Comparator.comparingDouble(Suggestion::probability).reversed()
                .thenComparing(Suggestion::word));
        return new Prediction(language, typed.prefix(), List.copyOf(words.subList(0, Math.min(limit, words.size()))),
                phrases(text, history, boardPhrases, limit));
    }

    /**
     * How a word the model keeps in lower case is written: in English the pronoun I and its contractions (I'm, I'll,
     * I've, I'd) are always capitals.
     */
    static String written(String language, String token) {
        if (baseLanguage(language).equals("en") && (token.equals("i") || token.startsWith("i'"))) {
            return "I" + token.substring(1);
        }
        return token;
    }

    /** Forgets a person's model, when their history is deleted or they are. */
    public void forget(String key) {
        personal.keySet().removeIf(k -> k.startsWith(key + '\u0000'));
    }

    private static List<String> phrases(String text, List<String> history, List<String> boardPhrases, int limit) {
        String typed = normal(text);
        Map<String, int[]> seen = new LinkedHashMap<>(); // normal form → {count, newest rank}
        Map<String, String> shown = new LinkedHashMap<>();
        int rank = 0;
        for (String h : history) {
            String n = normal(h);
            if (n.startsWith(typed) && n.length() > typed.length()) {
                int r = rank;
                seen.computeIfAbsent(n, k -> new int[] {0, r})[0]++;
                shown.putIfAbsent(n, h.strip());
            }
            rank++;
        }
        for (String phrase : boardPhrases) {
            String n = normal(phrase);
            if (!typed.isEmpty() && n.startsWith(typed) && n.length() > typed.length()) {
                seen.computeIfAbsent(n, k -> new int[] {0, Integer.MAX_VALUE});
                shown.putIfAbsent(n, phrase.strip());
            }
        }
        return seen.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingInt(e -> e.getValue()[1]))
                .limit(limit).map(e -> shown.get(e.getKey())).toList();
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<List<String>> sentences(List<String> texts) {
        List<List<String>> out = new ArrayList<>();
        for (String t : texts) {
            out.addAll(Tokens.sentences(t));
        }
        return out;
    }

    private NgramModel load(String language) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = corpora.apply(language)) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        lines.add(line);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NgramModel(sentences(lines));
    }
}
