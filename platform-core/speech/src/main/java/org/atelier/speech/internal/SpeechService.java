package org.atelier.speech.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.atelier.api.InvalidInputException;
import org.atelier.api.UnsupportedInputException;
import org.atelier.api.health.Starting;
import org.atelier.api.health.StartingException;
import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechEngine;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's speech synthesis: picks an engine by voice or language among those present (they come and go),
 * turns text or SSML into sentences of segments, and speaks them one by one, from a per-voice cache when a sentence
 * was spoken before. A sentence's audio is passed on in the pieces the engine hands over as it makes them; while one
 * sentence is spoken, the next is made on another thread ({@code synthesizeAhead}), one thread per core at most.
 */
@Component(service = SpeechSynthesizer.class, immediate = true, configurationPid = SpeechConfig.PID)
@Designate(ocd = SpeechConfig.class)
public final class SpeechService implements SpeechSynthesizer {

    private final Map<String, SpeechEngine> engines = new ConcurrentHashMap<>();
    /** Speech engines still starting (their {@link Starting} markers): what is missing may be on its way. */
    private final List<Starting> starting = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final PhraseCache cache;
    private volatile SpeechConfig config;
    /** Makes the next sentence of a request while the one before is spoken; {@code null} once deactivated. */
    private volatile ExecutorService workers;

    @Activate
    public SpeechService(SpeechConfig config) {
        this.config = config;
        this.cache = new PhraseCache(config.cachePerVoice());
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(cores, cores, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(cores), r -> {
                    Thread t = new Thread(r, "atelier-speech-ahead-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    @Deactivate
    void deactivate() {
        ExecutorService pool = workers;
        workers = null;
        if (pool != null) {
            pool.shutdownNow();
        }
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addStarting(Starting s) {
        starting.add(s);
    }

    void removeStarting(Starting s) {
        starting.remove(s);
    }

    /**
     * A voice or language not present now, while a speech engine that may bring it is starting: 503 + Retry-After,
     * not a 4xx, since the same request succeeds once it speaks.
     */
    private void failIfStarting(String language, String what) {
        List<String> names = starting.stream()
                .filter(s -> Starting.SPEECH_SYNTHESIS.equals(s.capability()) && s.mayServe(language))
                .map(Starting::name).toList();
        if (!names.isEmpty()) {
            throw new StartingException(what + " is not present yet: speech engine " + String.join(", ", names)
                    + " is starting; retry shortly", 2);
        }
    }

    void removeEngine(SpeechEngine engine) {
        engines.remove(engine.id(), engine);
        cache.forget(engine.id());
    }

    @Override
    public int maxTextChars() {
        return config.maxTextChars();
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

    /**
     * The voice a request asks for, or the first that speaks its language: the request's, else the one its text is
     * written in (Chinese characters say {@code zh}, see {@link Scripts}), else the platform's default. Text in a
     * script the chosen voice does not speak is refused (422 naming the language and what speaks it) before any audio
     * is made: an English voice reads Chinese characters as silence.
     */
    Voice choose(SpeechRequest r) {
        List<Voice> all = voices();
        java.util.Optional<String> written = Scripts.languageOf(r.text(), r.ssml());
        if (r.voice() != null && !r.voice().isBlank()) {
            Voice v = all.stream().filter(x -> x.id().equals(r.voice())).findFirst().orElseGet(() -> {
                failIfStarting(null, "voice '" + r.voice() + "'");
                return null;
            });
            if (v == null) {
                throw new InvalidInputException("voice", "no voice '" + r.voice() + "'; atelier:voices lists them");
            }
            if (r.language() != null && !r.language().isBlank() && !v.speaks(r.language())) {
                throw new InvalidInputException("language", "voice " + v.id() + " speaks " + v.language() + ", not "
                        + r.language());
            }
            written.filter(w -> !Scripts.speaks(v, w)).ifPresent(w -> {
                throw new UnsupportedInputException("the text is written in " + Scripts.name(w) + " (" + w
                        + ") but voice " + v.id() + " speaks " + v.language() + "; " + whoSpeaks(w, all));
            });
            return v;
        }
        boolean asked = r.language() != null && !r.language().isBlank();
        String language = asked ? r.language() : written.orElse(config.defaultLanguage());
        if (!language.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            throw new InvalidInputException("language", "'" + language + "' is not a language tag such as en or zh");
        }
        Voice v = all.stream().filter(x -> Scripts.speaks(x, language)).findFirst().orElseGet(() -> {
            failIfStarting(language, "a voice that speaks '" + language + "'");
            return null;
        });
        if (v == null) {
            throw new UnsupportedInputException("no speech engine speaks '" + language + "' (" + Scripts.name(language)
                    + ")" + (!asked && written.isPresent() ? ", the language the text is written in" : "")
                    + "; " + whoSpeaks(language, all));
        }
        written.filter(w -> !Scripts.speaks(v, w)).ifPresent(w -> {
            throw new UnsupportedInputException("the text is written in " + Scripts.name(w) + " (" + w
                    + ") but language is '" + language + "': set language to " + w + "; " + whoSpeaks(w, all));
        });
        return v;
    }

    /** What to do about a language: the voices that speak it, or what would speak it and what is spoken now. */
    private static String whoSpeaks(String language, List<Voice> all) {
        List<String> speaking = all.stream().filter(v -> Scripts.speaks(v, language)).map(Voice::id).toList();
        if (!speaking.isEmpty()) {
            return "voices that speak it: " + String.join(", ", speaking);
        }
        return "espeak-ng speaks " + Scripts.name(language) + ": install it (apt-get install espeak-ng) and restart "
                + "Atelier"
                + (all.isEmpty() ? "; no engine is present" : "; languages spoken now: "
                + String.join(", ", all.stream().map(Voice::language).distinct().sorted().toList()));
    }

    @Override
    public Speech speak(SpeechRequest request) {
        List<Speech> parts = new ArrayList<>();
        Voice voice = speak(request, parts::add);
        return join(parts, voice);
    }

    @Override
    public Voice speak(SpeechRequest request, Consumer<Speech> pieces) {
        Voice voice = choose(request);
        String language = request.language() == null || request.language().isBlank() ? voice.language()
                : request.language();
        Utterance.Plan plan = Utterance.plan(request, language, config.maxTextChars());
        SpeechEngine engine = engines.get(voice.engine());
        if (engine == null) {
            throw new UnsupportedInputException("the engine of voice " + voice.id() + " has just left; try again");
        }
        plan.phonemes().forEach((ipa, field) -> {
            List<String> unknown = engine.unknownPhonemes(voice, ipa);
            if (!unknown.isEmpty()) {
                throw new InvalidInputException(field, "/" + ipa + "/: " + voice.id() + " cannot say the IPA "
                        + (unknown.size() == 1 ? "symbol " : "symbols ") + String.join(" ", unknown));
            }
        });
        new Stream(voice, engine, plan.sentences(), pieces).run();
        return voice;
    }

    /**
     * One request being spoken: each sentence from the cache, or from the engine piece by piece as it makes it,
     * while the next sentence is made whole on another thread (when allowed and a thread is free).
     */
    private final class Stream {
        private final Voice voice;
        private final SpeechEngine engine;
        private final List<List<Segment>> sentences;
        private final Consumer<Speech> pieces;
        private long done;
        private int rate;
        /** The next sentence, being made on another thread, or {@code null}. */
        private Future<Speech> ahead;

        Stream(Voice voice, SpeechEngine engine, List<List<Segment>> sentences, Consumer<Speech> pieces) {
            this.voice = voice;
            this.engine = engine;
            this.sentences = sentences;
            this.pieces = pieces;
        }

        void run() {
            try {
                for (int i = 0; i < sentences.size(); i++) {
                    List<Segment> sentence = sentences.get(i);
                    List<Segment> next = i + 1 < sentences.size() ? sentences.get(i + 1) : null;
                    Future<Speech> mine = ahead;
                    Speech whole = cache.get(voice.id(), sentence);
                    boolean streamed = whole == null && mine == null;
                    // the next sentence starts now; after a streamed one's first piece, so that the two do not share
                    // the cores before the first audio is out
                    ahead = next == null || streamed ? null : ahead(next);
                    if (whole == null && mine != null) {
                        whole = await(mine);
                        cache.put(voice.id(), sentence, whole);
                    } else if (mine != null) {
                        mine.cancel(true); // another request put it in the cache meanwhile
                    }
                    if (whole != null) {
                        emit(whole, done);
                        done += whole.samples().length;
                        continue;
                    }
                    List<Speech> parts = new ArrayList<>();
                    long start = done;
                    engine.synthesize(voice, sentence, piece -> {
                        parts.add(piece);
                        emit(piece, start);
                        done += piece.samples().length;
                        if (next != null && parts.size() == 1) {
                            ahead = ahead(next);
                        }
                    });
                    cache.put(voice.id(), sentence, join(parts, voice));
                }
            } finally {
                if (ahead != null) {
                    ahead.cancel(true);
                }
            }
        }

        /** @return the sentence being made on another thread, or {@code null} to make it when its turn comes */
        private Future<Speech> ahead(List<Segment> sentence) {
            ExecutorService pool = workers;
            if (pool == null || !config.synthesizeAhead() || cache.get(voice.id(), sentence) != null) {
                return null;
            }
            try {
                return pool.submit(() -> engine.synthesize(voice, sentence));
            } catch (RejectedExecutionException busy) {
                return null; // every thread is busy: this request makes it itself
            }
        }

        private Speech await(Future<Speech> f) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                throw new CancellationException("interrupted while speaking");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Hands a piece on, its timings moved to count from the start of the whole ({@code at} samples before). */
        private void emit(Speech s, long at) {
            if (rate != 0 && s.sampleRate() != rate) {
                throw new IllegalStateException(voice.engine() + " changed its sample rate mid-utterance");
            }
            rate = s.sampleRate();
            int ms = (int) (at * 1000 / rate);
            pieces.accept(new Speech(s.sampleRate(), s.samples(), shift(s.words(), ms), shift(s.phonemes(), ms),
                    voice));
        }
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
