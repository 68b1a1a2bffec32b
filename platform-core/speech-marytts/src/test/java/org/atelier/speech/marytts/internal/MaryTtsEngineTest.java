package org.atelier.speech.marytts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MaryTTS for real, in this JVM: audio, word and phoneme timings, rate, volume and pauses. */
class MaryTtsEngineTest {

    static MaryTtsEngine engine;
    /** The same MaryTTS without the second core: every sentence vocoded in one go, as MaryTTS itself does. */
    static MaryTtsEngine single;
    static Voice voice;

    @BeforeAll
    static void start() throws Exception {
        engine = new MaryTtsEngine(MaryTtsEngineTest.class.getClassLoader());
        engine.start();
        single = new MaryTtsEngine(MaryTtsEngineTest.class.getClassLoader(), false);
        single.start();
        voice = engine.voices().get(0);
    }

    @AfterAll
    static void stop() {
        engine.stop();
    }

    static final String LONG = "The birch canoe slid on the smooth planks, and the juice of lemons makes fine punch.";

    @Test
    void handsTheAudioOverWhileTheVocoderMakesItWithTheTimingsInTheLastPiece() {
        List<Speech> pieces = new ArrayList<>();
        List<Long> madeBefore = new ArrayList<>();
        List<Long> vocodedWhenHandedOver = new ArrayList<>();
        long vocodedBefore = engine.vocoded();
        engine.synthesize(voice, List.of(Segment.of(LONG, "en")), p -> {
            madeBefore.add(pieces.stream().mapToLong(x -> x.samples().length).sum());
            vocodedWhenHandedOver.add(engine.vocoded() - vocodedBefore);
            pieces.add(p);
        });
        long vocoded = engine.vocoded() - vocodedBefore;
        Speech whole = engine.synthesize(voice, List.of(Segment.of(LONG, "en")));

        assertThat(pieces).hasSizeGreaterThan(10);
        int total = whole.samples().length;
        assertThat(pieces.get(0).samples().length).as("the first piece is small: ~20 ms")
                .isEqualTo(whole.sampleRate() / 50);
        assertThat(pieces.get(1).samples().length).isEqualTo(whole.sampleRate() / 10);
        assertThat(madeBefore.get(1)).isLessThan(total / 10);
        assertThat(vocoded).as("the vocoders made the sentence and the warm-up of its second half")
                .isBetween((long) total, total + 30L * 240 + 2048);
        // when the first piece (20 ms) goes, the first half has made just that; the second half, made at once on
        // another core from a frame in the middle quarter, may be anywhere up to its end (at most 5/8 of the whole)
        assertThat(vocodedWhenHandedOver.get(0)).as("the first piece is handed over before the rest is made")
                .isLessThan(vocoded * 7 / 10);
        assertThat(pieces.subList(0, pieces.size() - 1)).allSatisfy(p -> {
            assertThat(p.words()).isEmpty();
            assertThat(p.phonemes()).isEmpty();
        });
        Speech last = pieces.get(pieces.size() - 1);
        assertThat(last.words()).extracting(Timing::text).contains("birch", "lemons", "punch");
        assertThat(last.words()).isEqualTo(whole.words());
        assertThat(last.phonemes()).isEqualTo(whole.phonemes()).hasSizeGreaterThan(40);
        short[] joined = new short[total];
        int at = 0;
        for (Speech p : pieces) {
            assertThat(p.sampleRate()).isEqualTo(whole.sampleRate());
            System.arraycopy(p.samples(), 0, joined, at, p.samples().length);
            at += p.samples().length;
        }
        assertThat(at).isEqualTo(total);
        assertThat(joined).as("the pieces make up the whole").isEqualTo(whole.samples());
    }

    @Test
    void soundsAsMaryTtsItselfSpeaks() throws Exception {
        Speech one = single.synthesize(voice, List.of(Segment.of(LONG, "en")));
        Speech halves = engine.synthesize(voice, List.of(Segment.of(LONG, "en")));
        short[] mary = maryItself(LONG);

        assertThat(one.samples()).hasSize(mary.length);
        assertThat(correlation(one.samples(), mary)).as("vocoded here as MaryTTS vocodes").isGreaterThan(0.999);
        assertThat(halves.samples()).hasSize(mary.length);
        assertThat(correlation(halves.samples(), mary)).as("second half vocoded on another core: only its noise "
                + "differs").isGreaterThan(0.99);
        assertThat(halves.words()).isEqualTo(one.words());
    }

    /** The audio of MaryTTS's own synthesis module, which vocodes on a thread of its own. */
    static short[] maryItself(String text) throws Exception {
        marytts.LocalMaryInterface mary = new marytts.LocalMaryInterface();
        mary.setVoice(voice.name());
        try (javax.sound.sampled.AudioInputStream in = mary.generateAudio(text)) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            in.transferTo(b);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b.toByteArray()).order(in.getFormat().isBigEndian()
                    ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
            short[] out = new short[b.size() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = buf.getShort();
            }
            return out;
        }
    }

    static double correlation(short[] a, short[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void ipaIsSpokenWithMarysPhones() {
        Speech british = engine.synthesize(voice, List.of(Segment.of("I say", "en"),
                new Segment("tomato", "təˈmɑːtoʊ", "en", 1, 1, 1, 0), Segment.of("again.", "en")));
        Speech american = engine.synthesize(voice, List.of(Segment.of("I say", "en"),
                new Segment("tomato", "təˈmeɪtoʊ", "en", 1, 1, 1, 0), Segment.of("again.", "en")));

        assertThat(british.words()).extracting(Timing::text).containsExactly("I", "say", "tomato", "again");
        assertThat(phones(british, "tomato")).containsExactly("t", "@", "m", "A", "t", "@U");
        assertThat(phones(american, "tomato")).containsExactly("t", "@", "m", "EI", "t", "@U");
        assertThat(british.samples()).isNotEqualTo(american.samples());
        assertThat(engine.unknownPhonemes(voice, "təˈmɑːtoʊ")).isEmpty();
        assertThat(engine.unknownPhonemes(voice, "ʀu")).containsExactly("ʀ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.synthesize(voice,
                List.of(new Segment("rue", "ʀu", "en", 1, 1, 1, 0))))
                .isInstanceOf(org.atelier.api.UnsupportedInputException.class).hasMessageContaining("ʀ");
    }

    /** @return the phones heard while a word is said */
    static List<String> phones(Speech s, String word) {
        Timing w = s.words().stream().filter(t -> t.text().equals(word)).findFirst().orElseThrow();
        return s.phonemes().stream().filter(p -> p.startMs() >= w.startMs() && p.endMs() <= w.endMs())
                .map(Timing::text).toList();
    }

    @Test
    void aSentenceIsSplitAtAnUnvoicedFrameNearItsMiddle() {
        boolean[] voiced = new boolean[400];
        java.util.Arrays.fill(voiced, true);
        assertThat(MaryTtsEngine.split(voiced, 20)).as("no unvoiced frame").isEqualTo(-1);
        voiced[150] = false;
        voiced[260] = false;
        assertThat(MaryTtsEngine.split(voiced, 20)).isEqualTo(150);
        voiced[195] = false;
        assertThat(MaryTtsEngine.split(voiced, 20)).isEqualTo(195);
        assertThat(MaryTtsEngine.split(new boolean[100], 20)).as("too short to share").isEqualTo(-1);
    }

    static double rms(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    @Test
    void speaksEnglishWithTheTimesOfEveryWordAndPhoneme() {
        assertThat(voice.id()).isEqualTo("marytts:cmu-slt-hsmm");
        assertThat(voice.language()).isEqualTo("en-US");

        Speech s = engine.synthesize(voice, List.of(Segment.of("The birch canoe slid on the smooth planks.", "en")));

        assertThat(s.durationMs()).isBetween(1500, 4000);
        assertThat(s.words()).extracting(Timing::text)
                .containsExactly("The", "birch", "canoe", "slid", "on", "the", "smooth", "planks");
        for (int i = 1; i < s.words().size(); i++) {
            assertThat(s.words().get(i).startMs()).isGreaterThanOrEqualTo(s.words().get(i - 1).endMs());
        }
        assertThat(s.words().get(s.words().size() - 1).endMs()).isLessThanOrEqualTo(s.durationMs());
        assertThat(s.phonemes()).hasSizeGreaterThan(20);
        Timing birch = s.words().get(1);
        int from = birch.startMs() * s.sampleRate() / 1000;
        int to = birch.endMs() * s.sampleRate() / 1000;
        assertThat(rms(s.samples(), from, to)).as("sound where 'birch' is said").isGreaterThan(300);
        assertThat(s.wav()).hasSize(44 + s.samples().length * 2);
    }

    @Test
    void rateVolumeAndPausesChangeTheAudio() {
        String text = "I would like a glass of water.";
        Speech normal = engine.synthesize(voice, List.of(Segment.of(text, "en")));
        Speech slow = engine.synthesize(voice, List.of(new Segment(text, null, "en", 0.6, 1, 1, 0)));
        Speech quiet = engine.synthesize(voice, List.of(new Segment(text, null, "en", 1, 1, 0.5, 0)));
        Speech paused = engine.synthesize(voice, List.of(new Segment("Yes.", null, "en", 1, 1, 1, 800),
                Segment.of("Thank you.", "en")));

        assertThat(slow.durationMs()).isGreaterThan(normal.durationMs() * 5 / 4);
        assertThat(rms(quiet.samples(), 0, quiet.samples().length))
                .isCloseTo(rms(normal.samples(), 0, normal.samples().length) / 2,
                        org.assertj.core.data.Percentage.withPercentage(2));
        Timing yes = paused.words().get(0);
        Timing thank = paused.words().get(1);
        assertThat(thank.startMs() - yes.endMs()).as("the pause after 'Yes.'").isGreaterThanOrEqualTo(700);
        int a = (yes.endMs() + 100) * paused.sampleRate() / 1000;
        int b = (thank.startMs() - 100) * paused.sampleRate() / 1000;
        assertThat(rms(paused.samples(), a, b)).as("silence in the pause").isLessThan(200);
    }
}
