package org.atelier.speech.marytts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Voice;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MaryTTS for real, in this JVM: audio, word and phoneme timings, rate, volume and pauses. */
class MaryTtsEngineTest {

    static MaryTtsEngine engine;
    static Voice voice;

    @BeforeAll
    static void start() throws Exception {
        engine = new MaryTtsEngine(MaryTtsEngineTest.class.getClassLoader());
        engine.start();
        voice = engine.voices().get(0);
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
