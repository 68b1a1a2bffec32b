package org.atelier.speech.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.atelier.api.InvalidInputException;
import org.atelier.api.UnsupportedInputException;
import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechEngine;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpeechServiceTest {

    /**
     * An engine for the service's own logic: every word is 100 ms of a tone (louder with volume), every pause its
     * length in silence, so timings and concatenation can be checked exactly.
     */
    static class Tones implements SpeechEngine {
        final String id;
        final List<Voice> voices;
        final AtomicInteger calls = new AtomicInteger();
        final List<List<Segment>> heard = new ArrayList<>();
        /** the thread that spoke each sentence, by its first segment's text */
        final Map<String, String> threads = new java.util.concurrent.ConcurrentHashMap<>();
        /** IPA symbols this engine cannot say */
        final java.util.Set<String> unknown = new java.util.HashSet<>();

        Tones(String id, String... languages) {
            this.id = id;
            this.voices = java.util.Arrays.stream(languages)
                    .map(l -> new Voice(id + ":" + l, id, l, Voice.Gender.FEMALE, l)).toList();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<Voice> voices() {
            return voices;
        }

        @Override
        public List<String> unknownPhonemes(Voice voice, String ipa) {
            return ipa.codePoints().mapToObj(Character::toString).filter(unknown::contains).distinct().toList();
        }

        @Override
        public synchronized Speech synthesize(Voice voice, List<Segment> segments) {
            calls.incrementAndGet();
            heard.add(segments);
            threads.put(segments.get(0).text(), Thread.currentThread().getName());
            List<Short> samples = new ArrayList<>();
            List<Timing> words = new ArrayList<>();
            for (Segment s : segments) {
                for (String w : s.text().split("\\s+")) {
                    if (w.isEmpty()) {
                        continue;
                    }
                    int at = samples.size() / 8;
                    for (int i = 0; i < 800; i++) {
                        samples.add((short) (1000 * s.volume() * Math.sin(i / 3.0)));
                    }
                    words.add(new Timing(w, at, at + 100));
                }
                for (int i = 0; i < s.pauseAfterMs() * 8; i++) {
                    samples.add((short) 0);
                }
            }
            short[] pcm = new short[samples.size()];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = samples.get(i);
            }
            return new Speech(8000, pcm, words, List.of(), voice);
        }
    }

    /** Tones that hands each word over as a piece as soon as it is made, the timings with the last piece. */
    static final class StreamingTones extends SpeechServiceTest.Tones {
        final AtomicInteger pieces = new AtomicInteger();

        StreamingTones(String id, String... languages) {
            super(id, languages);
        }

        @Override
        public void synthesize(Voice voice, List<Segment> segments, java.util.function.Consumer<Speech> chunks) {
            Speech whole = synthesize(voice, segments);
            int at = 0;
            for (int i = 0; i < whole.words().size(); i++) {
                Timing w = whole.words().get(i);
                int end = i == whole.words().size() - 1 ? whole.samples().length : w.endMs() * 8;
                boolean last = end == whole.samples().length;
                pieces.incrementAndGet();
                chunks.accept(new Speech(8000, java.util.Arrays.copyOfRange(whole.samples(), at, end),
                        last ? whole.words() : List.of(), List.of(), voice));
                at = end;
            }
        }
    }

    static SpeechConfig config(int cache) {
        return new SpeechConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SpeechConfig.class;
            }

            @Override
            public int maxTextChars() {
                return 5000;
            }

            @Override
            public String[] enginePreference() {
                return new String[] {"first, second"}; // as a .cfg file gives it
            }

            @Override
            public int cachePerVoice() {
                return cache;
            }

            @Override
            public String defaultLanguage() {
                return "en";
            }

            @Override
            public boolean synthesizeAhead() {
                return true;
            }
        };
    }

    SpeechService service;
    Tones first = new Tones("first", "en-US");
    Tones second = new Tones("second", "en", "de", "cmn");

    @BeforeEach
    void setUp() {
        service = new SpeechService(config(2));
        service.addEngine(second);
        service.addEngine(first);
    }

    @Test
    void chineseTextWithoutALanguageIsSpokenByAVoiceThatSpeaksChinese() {
        Speech s = service.speak(new SpeechRequest("我需要帮助", false, null, null, 1, 1, 1, Map.of()));
        assertThat(s.voice().id()).isEqualTo("second:cmn");
        assertThat(s.samples()).isNotEmpty();
        assertThat(service.speak(new SpeechRequest("<speak>我需要帮助</speak>", true, null, null, 1, 1, 1, Map.of()))
                .voice().id()).isEqualTo("second:cmn");
        // mostly Latin letters: the default language
        assertThat(service.speak(new SpeechRequest("I need my 药 please", false, null, null, 1, 1, 1, Map.of()))
                .voice().language()).isEqualTo("en-US");
    }

    @Test
    void chineseTextIsRefusedBeforeAnyAudioWhenNoEngineSpeaksChinese() {
        service.removeEngine(second);
        List<Speech> pieces = new ArrayList<>();
        assertThatThrownBy(() -> service.speak(new SpeechRequest("我需要帮助", false, null, null, 1, 1, 1, Map.of()),
                pieces::add)).isInstanceOf(UnsupportedInputException.class)
                .hasMessageContaining("no speech engine speaks 'zh' (Chinese), the language the text is written in")
                .hasMessageContaining("espeak-ng").hasMessageContaining("languages spoken now: en-US");
        assertThat(pieces).isEmpty();
        assertThat(first.calls).hasValue(0);
        // an English voice or language asked for reads Chinese characters as silence: refused too
        assertThatThrownBy(() -> service.speak(new SpeechRequest("我需要帮助", false, null, "first:en-US", 1, 1, 1,
                Map.of()))).isInstanceOf(UnsupportedInputException.class)
                .hasMessageContaining("the text is written in Chinese (zh) but voice first:en-US speaks en-US");
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("我需要帮助", "en")))
                .isInstanceOf(UnsupportedInputException.class)
                .hasMessageContaining("the text is written in Chinese (zh) but language is 'en'");
        assertThat(first.calls).hasValue(0);
    }

    @Test
    void choosesTheVoiceAskedForOrThePreferredEngineForTheLanguage() {
        assertThat(service.voices()).extracting(Voice::id).containsExactly("first:en-US", "second:en", "second:de",
                "second:cmn");
        assertThat(service.speak(SpeechRequest.of("Hello", "en")).voice().id()).isEqualTo("first:en-US");
        assertThat(service.speak(SpeechRequest.of("Hallo", "de")).voice().id()).isEqualTo("second:de");
        assertThat(service.speak(new SpeechRequest("Hello", false, null, "second:en", 1, 1, 1, Map.of())).voice()
                .id()).isEqualTo("second:en");

        service.removeEngine(first);
        assertThat(service.speak(SpeechRequest.of("Hello", "en-US")).voice().id()).isEqualTo("second:en");
        service.removeEngine(second);
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("Hello", "en")))
                .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("no engine is present");
    }

    @Test
    void aLanguageOrVoiceWhoseEngineIsStillStartingIs503NotTheCallersFault() {
        service.removeEngine(first);
        service.removeEngine(second);
        org.atelier.api.health.Starting mary = org.atelier.api.health.Starting.of("MaryTTS",
                org.atelier.api.health.Starting.SPEECH_SYNTHESIS, java.util.Set.of("en"));
        service.addStarting(mary);
        List<Speech> pieces = new ArrayList<>();
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("Hello", "en-GB"), pieces::add))
                .isInstanceOfSatisfying(org.atelier.api.health.StartingException.class, e ->
                        assertThat(e.retryAfterSeconds()).isPositive())
                .hasMessageContaining("'en-GB' is not present yet").hasMessageContaining("MaryTTS is starting");
        assertThat(pieces).isEmpty();
        // no language asked: the default (en) is on its way too; a voice asked for may come with it
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("Hello", null)))
                .isInstanceOf(org.atelier.api.health.StartingException.class);
        assertThatThrownBy(() -> service.speak(new SpeechRequest("Hello", false, null, "marytts:cmu-slt-hsmm", 1, 1,
                1, Map.of()))).isInstanceOf(org.atelier.api.health.StartingException.class)
                .hasMessageContaining("voice 'marytts:cmu-slt-hsmm' is not present yet");
        // a language the starting engine will not speak is the caller's to fix: still 422, naming what to do
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("Bonjour", "fr")))
                .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("no speech engine speaks 'fr'");
        // a starting marker for another capability does not hold speech back
        service.removeStarting(mary);
        service.addStarting(org.atelier.api.health.Starting.of("Vosk",
                org.atelier.api.health.Starting.SPEECH_RECOGNITION, java.util.Set.of()));
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("Hello", "en")))
                .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("no engine is present");
        // started: the engine speaks
        service.addEngine(first);
        assertThat(service.speak(SpeechRequest.of("Hello", "en")).samples()).isNotEmpty();
    }

    @Test
    void speaksSentenceBySentenceWithTimingsFromTheStartOfTheWhole() {
        List<Speech> parts = new ArrayList<>();
        service.speak(new SpeechRequest("One two. Three!  Four five six?", false, "en", null, 1, 1, 1, Map.of()),
                parts::add);

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).words()).extracting(Timing::text).containsExactly("One", "two.");
        assertThat(parts.get(1).words()).containsExactly(new Timing("Three!", 200, 300));
        assertThat(parts.get(2).words().get(0)).isEqualTo(new Timing("Four", 300, 400));
        Speech whole = service.speak(SpeechRequest.of("One two. Three!  Four five six?", "en"));
        assertThat(whole.durationMs()).isEqualTo(600);
        assertThat(whole.words()).extracting(Timing::startMs).containsExactly(0, 100, 200, 300, 400, 500);
        assertThat(whole.wav()).hasSize(44 + 600 * 8 * 2);
    }

    @Test
    void aSentenceSpokenBeforeComesFromTheCacheOfItsVoice() {
        service.speak(SpeechRequest.of("Yes.", "en"));
        service.speak(SpeechRequest.of("Yes.", "en"));
        assertThat(first.calls).hasValue(1);
        service.speak(SpeechRequest.of("No.", "en"));
        service.speak(SpeechRequest.of("Maybe.", "en"));
        service.speak(SpeechRequest.of("Yes.", "en"));
        assertThat(first.calls).as("two phrases kept per voice: Yes. went out").hasValue(4);
        assertThat(service.cached()).isEqualTo(2);
    }

    @Test
    void ssmlBreaksProsodyAndLanguageReachTheEngine() {
        service.speak(new SpeechRequest("<speak>Hello <break time=\"250ms\"/><prosody rate=\"slow\" volume=\"+6dB\">"
                + "there</prosody> <lang xml:lang=\"de\">Hallo</lang></speak>", true, "en", "second:en", 2, 1, 1,
                Map.of()));
        List<Segment> heard = second.heard.get(0);
        assertThat(heard).extracting(Segment::text).containsExactly("Hello", "", "there", "Hallo");
        assertThat(heard.get(1).pauseAfterMs()).isEqualTo(250);
        assertThat(heard.get(2).rate()).isEqualTo(1.5);
        assertThat(heard.get(2).volume()).isCloseTo(1.995, org.assertj.core.data.Offset.offset(0.01));
        assertThat(heard.get(3).language()).isEqualTo("de");
    }

    @Test
    void aLexiconSaysWordsAsThePersonWantsThemSaid() {
        service.speak(new SpeechRequest("Call Siobhan about the MRI.", false, "en", null, 1, 1, 1,
                Map.of("Siobhan", "shi vawn", "MRI", "/ɛm ɑɹ aɪ/")));
        List<Segment> heard = first.heard.get(0);
        assertThat(heard).extracting(Segment::text).containsExactly("Call", "shi vawn", "about the", "MRI", ".");
        assertThat(heard.get(3).phonemes()).isEqualTo("ɛm ɑɹ aɪ");
    }

    @Test
    void namesWhatIsWrongWithABadRequest() {
        Map<String, SpeechRequest> bad = new java.util.LinkedHashMap<>();
        bad.put("text", SpeechRequest.of("", "en"));
        bad.put("text ", SpeechRequest.of("   \n\t ", "en"));
        bad.put("text  ", SpeechRequest.of("x".repeat(100_000), "en"));
        bad.put("text   ", SpeechRequest.of("bell\u0007ring", "en"));
        bad.put("text    ", new SpeechRequest("<speak>unclosed", true, "en", null, 1, 1, 1, Map.of()));
        bad.put("text     ", new SpeechRequest("<speak><audio src=\"x\"/></speak>", true, "en", null, 1, 1, 1,
                Map.of()));
        bad.put("text      ", new SpeechRequest("<!DOCTYPE speak [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<speak>&x;</speak>", true, "en", null, 1, 1, 1, Map.of()));
        bad.put("rate", new SpeechRequest("Hi", false, "en", null, 9, 1, 1, Map.of()));
        bad.put("voice", new SpeechRequest("Hi", false, null, "nobody:xx", 1, 1, 1, Map.of()));
        bad.put("language", SpeechRequest.of("Hi", "not a language"));
        bad.put("lexicon", new SpeechRequest("I need help", false, "en", null, 1, 1, 1,
                Map.of("help", "aid", "aid", "help")));
        bad.put("lexicon ", new SpeechRequest("I need help", false, "en", null, 1, 1, 1, Map.of("help", "help me")));
        Map<String, String> doubling = new java.util.HashMap<>();
        for (int i = 0; i < 30; i++) {
            doubling.put("e" + i, "e" + (i + 1) + " e" + (i + 1));
        }
        bad.put("lexicon  ", new SpeechRequest("e0", false, "en", null, 1, 1, 1, doubling));
        for (Map.Entry<String, SpeechRequest> b : bad.entrySet()) {
            assertThatThrownBy(() -> service.speak(b.getValue())).as(b.getKey())
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo(b.getKey().strip()));
        }
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("Hi", "fr")))
                .isInstanceOf(UnsupportedInputException.class).hasMessageContaining("no speech engine speaks 'fr'")
                .hasMessageContaining("cmn, de, en, en-US");
        assertThatThrownBy(() -> service.speak(new SpeechRequest("Hi", false, "de", "first:en-US", 1, 1, 1,
                Map.of()))).hasMessageContaining("speaks en-US, not de");
        assertThatThrownBy(() -> service.speak(new SpeechRequest("I need help", false, "en", null, 1, 1, 1,
                Map.of("help", "aid", "aid", "help")))).hasMessageMatching(".*entries loop: (help → aid → help|aid → help → aid)");
    }

    @Test
    void piecesOfASentencePassOnAsTheEngineMakesThemAndTheWholeIsCached() {
        StreamingTones streaming = new StreamingTones("first", "en-US");
        service.addEngine(streaming);
        List<Speech> pieces = new ArrayList<>();
        service.speak(new SpeechRequest("One two three. Four five.", false, "en", null, 1, 1, 1, Map.of()),
                pieces::add);

        // the first sentence in three pieces (one per word), the second made ahead and handed over whole
        assertThat(pieces).hasSize(4);
        assertThat(pieces.subList(0, 3)).allSatisfy(p -> assertThat(p.samples()).hasSize(800));
        assertThat(pieces.get(0).words()).as("timings come with the last piece").isEmpty();
        assertThat(pieces.get(2).words()).extracting(Timing::startMs).containsExactly(0, 100, 200);
        assertThat(pieces.get(3).words()).containsExactly(new Timing("Four", 300, 400), new Timing("five.", 400,
                500));
        Speech whole = service.speak(new SpeechRequest("One two three. Four five.", false, "en", null, 1, 1, 1,
                Map.of()));
        assertThat(whole.samples()).isEqualTo(join(pieces));
        assertThat(whole.words()).extracting(Timing::text).containsExactly("One", "two", "three.", "Four", "five.");
        assertThat(streaming.calls).as("both sentences from the cache the second time").hasValue(2);

        List<Speech> again = new ArrayList<>();
        service.speak(SpeechRequest.of("One two three.", "en"), again::add);
        assertThat(again).as("a cached sentence comes whole").hasSize(1);
        assertThat(again.get(0).samples()).hasSize(2400);
    }

    static short[] join(List<Speech> pieces) {
        return SpeechService.join(pieces, pieces.get(0).voice()).samples();
    }

    @Test
    void theNextSentenceIsMadeOnAnotherThreadWhileOneIsSpoken() {
        service.speak(SpeechRequest.of("One. Two. Three.", "en"));
        assertThat(first.threads).hasSize(3);
        assertThat(first.threads.get("One.")).isEqualTo(Thread.currentThread().getName());
        assertThat(first.threads.get("Two.")).startsWith("atelier-speech-ahead-");
        assertThat(first.threads.get("Three.")).startsWith("atelier-speech-ahead-");

        service.deactivate();
        service.speak(SpeechRequest.of("Four. Five.", "en"));
        assertThat(first.threads.get("Five.")).as("once deactivated, on the caller's thread")
                .isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aListenerThatLeavesStopsTheSpeech() {
        List<Speech> got = new ArrayList<>();
        assertThatThrownBy(() -> service.speak(SpeechRequest.of("One. Two. Three. Four.", "en"), s -> {
            got.add(s);
            throw new java.util.concurrent.CancellationException("gone");
        })).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(got).hasSize(1);
        assertThat(first.calls.get()).as("the first sentence and at most the one made ahead").isLessThanOrEqualTo(2);
    }

    @Test
    void ipaTheVoiceCannotSayIsRefusedNamingTheFieldItCameFrom() {
        first.unknown.add("ʀ");
        assertThatThrownBy(() -> service.speak(new SpeechRequest("<speak>Say <phoneme alphabet=\"ipa\" "
                + "ph=\"ʀu\">rue</phoneme></speak>", true, "en", null, 1, 1, 1, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors().get(0).field()).isEqualTo("text");
                    assertThat(e.getMessage()).contains("/ʀu/", "first:en-US", "ʀ");
                });
        assertThatThrownBy(() -> service.speak(new SpeechRequest("Say rue.", false, "en", null, 1, 1, 1,
                Map.of("rue", "/ʀy/"))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("lexicon"));
        assertThat(first.calls).as("refused before anything is spoken").hasValue(0);
        service.speak(new SpeechRequest("Say rue.", false, "en", null, 1, 1, 1, Map.of("rue", "/ɹu/")));
        assertThat(first.heard.get(0).get(1).phonemes()).isEqualTo("ɹu");
    }

    @Test
    void aLexiconCanGiveAChineseWordItsPinyin() {
        service.speak(new SpeechRequest("银行行长好。", false, "cmn", null, 1, 1, 1, Map.of("行长", "hang2 zhang3")));
        assertThat(second.heard.get(0)).extracting(Segment::text).containsExactly("银行", "hang2 zhang3", "好。");
    }

    @Test
    void chineseTextIsCutAtItsOwnFullStops() {
        assertThat(Utterance.split("你好。我需要帮助！谢谢", "zh")).containsExactly("你好。", "我需要帮助！", "谢谢");
        assertThat(Utterance.split("Dr. Smith is here. Call him.", "en")).hasSize(2);
    }
}
