package org.atelier.speech.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;

/** The sentences last spoken with each voice, least recently used out first: "yes", "thank you" speak at once. */
final class PhraseCache {

    private record Key(String voice, List<Segment> segments) {
    }

    private final Map<Key, Speech> entries;
    private final Map<String, Integer> perVoice = new java.util.HashMap<>();
    private volatile int maxPerVoice;

    PhraseCache(int maxPerVoice) {
        this.maxPerVoice = maxPerVoice;
        this.entries = new LinkedHashMap<>(64, 0.75f, true);
    }

    void resize(int max) {
        this.maxPerVoice = max;
        synchronized (this) {
            entries.clear();
            perVoice.clear();
        }
    }

    synchronized Speech get(String voice, List<Segment> segments) {
        return entries.get(new Key(voice, segments));
    }

    synchronized void put(String voice, List<Segment> segments, Speech speech) {
        if (maxPerVoice <= 0) {
            return;
        }
        Key key = new Key(voice, List.copyOf(segments));
        if (entries.put(key, speech) == null) {
            perVoice.merge(voice, 1, Integer::sum);
        }
        if (perVoice.get(voice) > maxPerVoice) {
            for (var it = entries.keySet().iterator(); it.hasNext(); ) {
                Key k = it.next();
                if (k.voice().equals(voice)) {
                    it.remove();
                    perVoice.merge(voice, -1, Integer::sum);
                    break;
                }
            }
        }
    }

    /** Forgets a voice whose engine left. */
    synchronized void forget(String engine) {
        entries.keySet().removeIf(k -> k.voice().startsWith(engine + ":"));
        perVoice.keySet().removeIf(v -> v.startsWith(engine + ":"));
    }

    synchronized int size() {
        return entries.size();
    }
}
