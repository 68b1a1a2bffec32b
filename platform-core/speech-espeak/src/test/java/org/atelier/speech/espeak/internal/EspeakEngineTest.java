package org.atelier.speech.espeak.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * espeak-ng for real, through the system's libespeak-ng.so.1; skipped where it is not installed (CI installs it).
 * espeak's output is not bit-identical from run to run, so nothing here compares hashes or exact lengths.
 */
class EspeakEngineTest {

    static Espeak espeak;
    static EspeakEngine engine;

    @BeforeAll
    static void open() {
        try {
            espeak = Espeak.open();
        } catch (Espeak.Unavailable e) {
            assumeTrue(false, "espeak-ng is not installed: " + e.getMessage());
        }
        engine = new EspeakEngine(espeak, EspeakEngineTest.class.getClassLoader());
    }

    @AfterAll
    static void close() {
        if (espeak != null) {
            espeak.close();
        }
    }

    static Voice voice(String id) {
        return engine.voices().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    static Voice first(String language) {
        return engine.voices().stream().filter(v -> v.speaks(language)).findFirst().orElseThrow();
    }

    static double rms(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    static void assertInOrder(Speech s) {
        for (int i = 1; i < s.words().size(); i++) {
            assertThat(s.words().get(i).startMs()).isGreaterThanOrEqualTo(s.words().get(i - 1).endMs());
        }
        for (int i = 1; i < s.phonemes().size(); i++) {
            assertThat(s.phonemes().get(i).startMs()).isGreaterThanOrEqualTo(s.phonemes().get(i - 1).startMs());
        }
        assertThat(s.words()).allSatisfy(w -> assertThat(w.endMs()).isLessThanOrEqualTo(s.durationMs() + 1));
    }

    @Test
    void offersEnglishGermanFrenchAndMandarinUnderBothTags() {
        assertThat(engine.id()).isEqualTo("espeak-ng");
        assertThat(engine.voices()).hasSizeGreaterThan(80)
                .allSatisfy(v -> assertThat(v.id()).startsWith("espeak-ng:"))
                .extracting(Voice::id).doesNotHaveDuplicates();
        for (String language : List.of("en", "en-US", "de", "fr", "cmn", "zh", "zh-CN")) {
            assertThat(engine.voices()).as(language).anyMatch(v -> v.speaks(language));
        }
        assertThat(first("en").language()).isEqualTo("en-GB");
        assertThat(first("en-US").language()).isEqualTo("en-US");
        assertThat(first("fr").language()).isEqualTo("fr-FR");
        assertThat(first("zh").id()).isEqualTo("espeak-ng:zh");
        assertThat(first("cmn").id()).isEqualTo("espeak-ng:cmn");
        assertThat(engine.voices()).extracting(Voice::id)
                .doesNotContain("espeak-ng:cmn-Latn-pinyin", "espeak-ng:piqd");
    }

    @Test
    void speaksEnglishWithTheTimesOfEveryWordAndPhoneme() {
        Speech s = engine.synthesize(first("en"), List.of(Segment.of("The birch canoe slid on the smooth planks.", "en")));

        assertThat(s.sampleRate()).isEqualTo(22050);
        assertThat(s.durationMs()).isBetween(1000, 5000);
        assertThat(s.words()).extracting(Timing::text)
                .containsExactly("The", "birch", "canoe", "slid", "on", "the", "smooth", "planks");
        assertInOrder(s);
        assertThat(s.phonemes()).hasSizeGreaterThan(20).noneMatch(p -> p.text().startsWith("_"));
        Timing birch = s.words().get(1);
        assertThat(birch.endMs()).isGreaterThan(birch.startMs());
        assertThat(rms(s.samples(), birch.startMs() * 22050 / 1000, birch.endMs() * 22050 / 1000))
                .as("sound where 'birch' is said").isGreaterThan(300);
        assertThat(s.wav()).hasSize(44 + s.samples().length * 2);
    }

    @Test
    void speaksGerman() {
        Speech s = engine.synthesize(first("de"), List.of(Segment.of("Guten Morgen, wie geht es dir?", "de")));

        assertThat(s.durationMs()).isGreaterThan(500);
        assertThat(s.words()).extracting(Timing::text).containsExactly("Guten", "Morgen", "wie", "geht", "es", "dir");
        assertInOrder(s);
    }

    @Test
    void speaksMandarinCharactersThroughPinyinOneWordPerSyllable() {
        for (String language : List.of("zh", "cmn")) {
            Speech s = engine.synthesize(first(language), List.of(Segment.of("我需要帮助", language)));

            assertThat(s.durationMs()).isGreaterThan(500);
            assertThat(rms(s.samples(), 0, s.samples().length)).isGreaterThan(300);
            assertThat(s.words()).extracting(Timing::text).containsExactly("我", "需", "要", "帮", "助");
            assertInOrder(s);
            assertThat(s.phonemes()).isNotEmpty();
        }
    }

    @Test
    void mandarinWithPunctuationAndLatinLetters() {
        Speech s = engine.synthesize(first("zh"), List.of(Segment.of("你好，我叫小明。", "zh")));

        assertThat(s.words()).extracting(Timing::text).containsExactly("你", "好", "我", "叫", "小", "明");
        assertInOrder(s);
    }

    @Test
    void fasterIsShorterAndSofterIsQuieter() {
        Voice en = first("en");
        String text = "I would like a glass of water, please.";
        Speech normal = engine.synthesize(en, List.of(Segment.of(text, "en")));
        Speech fast = engine.synthesize(en, List.of(new Segment(text, null, "en", 2.0, 1, 1, 0)));
        Speech soft = engine.synthesize(en, List.of(new Segment(text, null, "en", 1, 1, 0.5, 0)));

        assertThat(fast.durationMs()).isLessThan(normal.durationMs() * 3 / 4);
        assertThat(fast.words()).extracting(Timing::text).isEqualTo(normal.words().stream().map(Timing::text).toList());
        double loud = rms(normal.samples(), 0, normal.samples().length);
        double quiet = rms(soft.samples(), 0, soft.samples().length);
        assertThat(quiet).isLessThan(loud * 0.75).isGreaterThan(0);
    }

    @Test
    void aPauseAfterASegmentIsSilenceAndTheNextSegmentComesAfterIt() {
        Voice en = first("en");
        Speech s = engine.synthesize(en, List.of(new Segment("Hello there.", null, "en", 1, 1, 1, 700),
                Segment.of("Goodbye now.", "en")));
        Speech first = engine.synthesize(en, List.of(Segment.of("Hello there.", "en")));

        assertThat(s.words()).extracting(Timing::text).containsExactly("Hello", "there", "Goodbye", "now");
        assertInOrder(s);
        Timing goodbye = s.words().get(2);
        assertThat(goodbye.startMs()).isGreaterThanOrEqualTo(s.words().get(1).endMs() + 700);
        int pauseEnd = goodbye.startMs() * 22050 / 1000;
        int pauseStart = pauseEnd - 700 * 22050 / 1000;
        for (int i = pauseStart; i < pauseEnd; i++) {
            assertThat(s.samples()[i]).as("sample %d of the pause", i).isZero();
        }
        assertThat(s.durationMs()).isGreaterThan(first.durationMs() + 700);

        Speech pauseOnly = engine.synthesize(en, List.of(new Segment("", null, "en", 1, 1, 1, 250)));
        assertThat(pauseOnly.durationMs()).isEqualTo(250);
        assertThat(pauseOnly.words()).isEmpty();
    }

    @Test
    void stopsAndStartsAgainAsABundleDoes() throws Exception {
        espeak.close();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> engine.synthesize(first("en"), List.of(Segment.of("Hello.", "en")))))
                .isInstanceOf(org.atelier.api.UnsupportedInputException.class);
        espeak = Espeak.open();
        engine = new EspeakEngine(espeak, EspeakEngineTest.class.getClassLoader());
        assertThat(engine.synthesize(first("en"), List.of(Segment.of("Hello again.", "en"))).words())
                .extracting(Timing::text).containsExactly("Hello", "again");
    }

    /** Mixed audio (no lock) comes out far too long or cut short; espeak's own lengths vary by a few percent with
     *  what it spoke before, so the check allows 10 %. */
    @Test
    void fourThreadsAtOnceEachGetTheirOwnSpeech() throws Exception {
        record Job(Voice voice, String text) {
        }
        List<Job> jobs = List.of(new Job(first("en"), "The birch canoe slid on the smooth planks."),
                new Job(first("de"), "Guten Morgen, wie geht es dir?"),
                new Job(first("fr"), "Bonjour, je voudrais un verre d'eau."),
                new Job(first("zh"), "我需要帮助"));
        List<Speech> alone = new ArrayList<>();
        for (Job j : jobs) {
            alone.add(engine.synthesize(j.voice(), List.of(Segment.of(j.text(), j.voice().language()))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Speech>>> results = new ArrayList<>();
            for (Job j : jobs) {
                Callable<List<Speech>> c = () -> {
                    List<Speech> out = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        out.add(engine.synthesize(j.voice(), List.of(Segment.of(j.text(), j.voice().language()))));
                    }
                    return out;
                };
                results.add(pool.submit(c));
            }
            for (int k = 0; k < jobs.size(); k++) {
                int expected = alone.get(k).samples().length;
                List<String> words = alone.get(k).words().stream().map(Timing::text).toList();
                for (Speech s : results.get(k).get()) {
                    assertThat(s.samples().length).as(jobs.get(k).text())
                            .isBetween(expected * 90 / 100, expected * 110 / 100);
                    assertThat(s.words()).extracting(Timing::text).isEqualTo(words);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void englishVoicesSpeakIpaAsEspeakPhonemes() {
        Voice us = first("en-US");
        Speech british = engine.synthesize(us, List.of(Segment.of("I say", "en"),
                new Segment("tomato", "təˈmɑːtoʊ", "en", 1, 1, 1, 0), Segment.of("again.", "en")));
        Speech american = engine.synthesize(us, List.of(Segment.of("I say", "en"),
                new Segment("tomato", "təˈmeɪtoʊ", "en", 1, 1, 1, 0), Segment.of("again.", "en")));

        assertThat(engine.said(us, new Segment("tomato", "təˈmɑːtoʊ", "en", 1, 1, 1, 0)))
                .satisfies(s -> {
                    assertThat(s.text()).isEqualTo("[[t@'mA:toU]]");
                    assertThat(s.phonemes()).isTrue();
                });
        assertThat(british.words()).extracting(Timing::text).containsExactly("I", "say", "tomato", "again");
        assertThat(american.words()).extracting(Timing::text).containsExactly("I", "say", "tomato", "again");
        assertThat(heard(british, "tomato")).contains("ɑː").doesNotContain("eɪ");
        assertThat(heard(american, "tomato")).contains("eɪ").doesNotContain("ɑː");
        assertInOrder(british);
        assertThat(engine.unknownPhonemes(us, "ʀu")).containsExactly("ʀ");
        assertThat(engine.unknownPhonemes(first("de"), "ʀu")).as("other languages speak the written text").isEmpty();
    }

    /** @return the IPA espeak reports while a word is said */
    static String heard(Speech s, String word) {
        Timing w = s.words().stream().filter(t -> t.text().equals(word)).findFirst().orElseThrow();
        return String.join("", s.phonemes().stream().filter(p -> p.startMs() >= w.startMs()
                && p.startMs() < w.endMs()).map(Timing::text).toList());
    }

    @Test
    void mandarinPolyphonesReachEspeakAsTheWordMeansThem() {
        Voice cmn = voice("espeak-ng:cmn");
        assertThat(engine.said(cmn, Segment.of("银行行长", "cmn")).text()).isEqualTo("yin2 hang2 hang2 zhang3");
        assertThat(engine.said(cmn, Segment.of("长大", "cmn")).text()).isEqualTo("zhang3 da4");
        // what the platform's lexicon leaves when a profile says 行长 = "hang2 zhang3": pinyin, for the pinyin voice
        EspeakEngine.Said lexicon = engine.said(cmn, Segment.of("hang2 zhang3", "cmn"));
        assertThat(lexicon.text()).isEqualTo("hang2 zhang3");
        assertThat(lexicon.voice()).endsWithIgnoringCase("cmn-latn-pinyin");
        Speech s = engine.synthesize(cmn, List.of(Segment.of("银行行长好。", "cmn")));
        assertThat(s.words()).extracting(Timing::text).startsWith("银", "行", "行", "长");
    }
}
