package org.atelier.speech.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.atelier.api.InvalidInputException;
import org.atelier.api.UnsupportedInputException;
import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechEngine;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's speech synthesis: picks an engine by voice or language among those present (they come and go),
 * turns text or SSML into sentences of segments, and speaks them one by one, from a per-voice cache when a sentence
 * was spoken before.
 */
@Component(service = SpeechSynthesizer.class, immediate = true, configurationPid = SpeechConfig.PID)
@Designate(ocd = SpeechConfig.class)
public final class SpeechService implements SpeechSynthesizer {

    private final Map<String, SpeechEngine> engines = new ConcurrentHashMap<>();
    private final PhraseCache cache;
    private volatile SpeechConfig config;

    @Activate
    public SpeechService(SpeechConfig config) {
        this.config = config;
        this.cache = new PhraseCache(config.cachePerVoice());
    }

    @Modified
    void modified(SpeechConfig c) {
        this.config = c;
        cache.resize(c.cachePerVoice());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEngine(SpeechEngine engine) {
        engines.put(engine.id(), engine);
    }

    void removeEngine(SpeechEngine engine) {
        engines.remove(engine.id(), engine);
        cache.forget(engine.id());
    }

    @Override
    public List<Voice> voices() {
        List<Voice> out = new ArrayList<>();
        for (SpeechEngine e : ordered()) {
            try {
                out.addAll(e.voices());
            } catch (RuntimeException gone) {
                // an engine leaving as it is asked: its voices are gone with it
            }
        }
        return out;
    }

    private List<SpeechEngine> ordered() {
        // a .cfg file gives "marytts,espeak-ng" as one value; a typed configuration gives an array
        List<String> pref = Arrays.stream(config.enginePreference()).flatMap(p -> Arrays.stream(p.split(",")))
                .map(String::strip).toList();
        return engines.values().stream().sorted(Comparator.comparingInt((SpeechEngine e) -> {
            int i = pref.indexOf(e.id());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(SpeechEngine::id)).toList();
    }

    /** The voice a request asks for, or the first that speaks its language. */
    Voice choose(SpeechRequest r) {
        List<Voice> all = voices();
        if (r.voice() != null && !r.voice().isBlank()) {
            Voice v = all.stream().filter(x -> x.id().equals(r.voice())).findFirst().orElseThrow(() ->
                    new InvalidInputException("voice", "no voice '" + r.voice() + "'; atelier:voices lists them"));
            if (r.language() != null && !r.language().isBlank() && !v.speaks(r.language())) {
                throw new InvalidInputException("language", "voice " + v.id() + " speaks " + v.language() + ", not "
                        + r.language());
            }
            return v;
        }
        String language = r.language() == null || r.language().isBlank() ? config.defaultLanguage() : r.language();
        if (!language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            throw new InvalidInputException("language", "'" + language + "' is not a language tag such as en or zh");
        }
        return all.stream().filter(v -> v.speaks(language)).findFirst().orElseThrow(() ->
                new UnsupportedInputException("no speech engine speaks '" + language + "'"
                        + (all.isEmpty() ? "; no engine is present" : "; languages spoken now: "
                        + String.join(", ", all.stream().map(Voice::language).distinct().sorted().toList()))));
    }

    @Override
    public Speech speak(SpeechRequest request) {
        List<Speech> parts = new ArrayList<>();
        Voice voice = speak(request, parts::add);
        return join(parts, voice);
    }

    @Override
    public Voice speak(SpeechRequest request, Consumer<Speech> sentences) {
        Voice voice = choose(request);
        String language = request.language() == null || request.language().isBlank() ? voice.language()
                : request.language();
        List<List<Segment>> plan = Utterance.plan(request, language, config.maxTextChars());
        SpeechEngine engine = engines.get(voice.engine());
        if (engine == null) {
            throw new UnsupportedInputException("the engine of voice " + voice.id() + " has just left; try again");
        }
        long done = 0;
        int rate = 0;
        for (List<Segment> sentence : plan) {
            Speech s = cache.get(voice.id(), sentence);
            if (s == null) {
                s = engine.synthesize(voice, sentence);
                cache.put(voice.id(), sentence, s);
            }
            if (rate != 0 && s.sampleRate() != rate) {
                throw new IllegalStateException(voice.engine() + " changed its sample rate mid-utterance");
            }
            rate = s.sampleRate();
            int at = (int) (done * 1000 / rate);
            sentences.accept(new Speech(s.sampleRate(), s.samples(), shift(s.words(), at), shift(s.phonemes(), at),
                    voice));
            done += s.samples().length;
        }
        return voice;
    }

    private static List<Timing> shift(List<Timing> t, int ms) {
        return ms == 0 ? t : t.stream().map(x -> x.shift(ms)).toList();
    }

    static Speech join(List<Speech> parts, Voice voice) {
        int rate = parts.isEmpty() ? 16_000 : parts.get(0).sampleRate();
        int n = parts.stream().mapToInt(p -> p.samples().length).sum();
        short[] all = new short[n];
        List<Timing> words = new ArrayList<>();
        List<Timing> phonemes = new ArrayList<>();
        int at = 0;
        for (Speech p : parts) {
            System.arraycopy(p.samples(), 0, all, at, p.samples().length);
            at += p.samples().length;
            words.addAll(p.words());
            phonemes.addAll(p.phonemes());
        }
        return new Speech(rate, all, words, phonemes, voice);
    }

    int cached() {
        return cache.size();
    }
}
