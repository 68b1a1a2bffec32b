package org.atelier.medical.voice.internal.predict;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trigram language model with interpolated Kneser–Ney smoothing (Chen &amp; Goodman 1998, "An empirical study of
 * smoothing techniques for language modeling", §3: absolute discounting, lower orders from continuation counts,
 * interpolated down to a uniform distribution over the vocabulary). Immutable once built; built from sentences of
 * tokens, each implicitly between {@code <s> <s>} and {@code </s>}.
 */
public final class NgramModel {

    static final String BOS = "<s>";
    static final String EOS = "</s>";
    private static final double D = 0.75;

    private final Map<String, Integer> trigrams = new HashMap<>();          // "a b c" → c(a b c)
    private final Map<String, int[]> trigramContexts = new HashMap<>();     // "a b" → {c(a b •), N1+(a b •)}
    private final Map<String, Integer> bigramContinuation = new HashMap<>(); // "b c" → N1+(• b c)
    private final Map<String, int[]> bigramContexts = new HashMap<>();      // "b" → {Σ_c N1+(• b c), |{c: N1+(• b c) > 0}|}
    private final Map<String, Integer> unigramContinuation = new HashMap<>(); // "c" → N1+(• c)
    private final Set<String> vocabulary = new HashSet<>();
    private final Map<String, Integer> unigrams = new HashMap<>();
    private int continuationTotal;                                          // N1+(• •)
    private long tokens;

    public NgramModel(Iterable<List<String>> sentences) {
        Set<String> seenBigrams = new HashSet<>();
        for (List<String> s : sentences) {
            String a = BOS;
            String b = BOS;
            for (int i = 0; i <= s.size(); i++) {
                String c = i < s.size() ? s.get(i) : EOS;
                vocabulary.add(c);
                unigrams.merge(c, 1, Integer::sum);
                tokens++;
                String tri = a + ' ' + b + ' ' + c;
                if (trigrams.merge(tri, 1, Integer::sum) == 1) {
                    trigramContexts.computeIfAbsent(a + ' ' + b, k -> new int[2])[1]++;
                    // a new left context for "b c"
                    if (bigramContinuation.merge(b + ' ' + c, 1, Integer::sum) == 1) {
                        bigramContexts.computeIfAbsent(b, k -> new int[2])[1]++;
                    }
                    bigramContexts.computeIfAbsent(b, k -> new int[2])[0]++;
                }
                trigramContexts.computeIfAbsent(a + ' ' + b, k -> new int[2])[0]++;
                if (seenBigrams.add(b + ' ' + c)) {
                    unigramContinuation.merge(c, 1, Integer::sum);
                    continuationTotal++;
                }
                a = b;
                b = c;
            }
        }
    }

    /** @return the words it knows (without the sentence markers), with how often each was seen */
    public Map<String, Integer> vocabulary() {
        Map<String, Integer> v = new HashMap<>(unigrams);
        v.remove(EOS);
        return v;
    }

    /** @return how many tokens it was built from (sentence ends included) */
    public long tokens() {
        return tokens;
    }

    /**
     * @param w1 the word two back, or {@code null} at the start of a sentence
     * @param w2 the word before, or {@code null} at the start of a sentence
     * @return P(word | w1 w2); sums to 1 over the vocabulary and {@code </s>}
     */
    public double probability(String w1, String w2, String word) {
        String a = w1 == null ? BOS : w1;
        String b = w2 == null ? BOS : w2;
        double lower = bigram(b, word);
        int[] ctx = trigramContexts.get(a + ' ' + b);
        if (ctx == null || ctx[0] == 0) {
            return lower;
        }
        int c = trigrams.getOrDefault(a + ' ' + b + ' ' + word, 0);
        return Math.max(c - D, 0) / ctx[0] + D * ctx[1] / ctx[0] * lower;
    }

    private double bigram(String b, String word) {
        double lower = unigram(word);
        int[] ctx = bigramContexts.get(b);
        if (ctx == null || ctx[0] == 0) {
            return lower;
        }
        int n = bigramContinuation.getOrDefault(b + ' ' + word, 0);
        return Math.max(n - D, 0) / ctx[0] + D * ctx[1] / ctx[0] * lower;
    }

    private double unigram(String word) {
        int v = vocabulary.size() + 1;
        if (continuationTotal == 0) {
            return 1.0 / v;
        }
        int n = unigramContinuation.getOrDefault(word, 0);
        return Math.max(n - D, 0) / continuationTotal
                + D * unigramContinuation.size() / continuationTotal / v;
    }
}
