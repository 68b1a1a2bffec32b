package org.atelier.medical.voice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.atelier.api.speech.SpeechRequest;
import org.junit.jupiter.api.Test;

class SpeakInputTest {

    @Test
    void leavesWhatIsNotGivenToTheVoiceAndTheDefaults() {
        SpeechRequest r = new SpeakInput("I need help", " ", null, null, null, null, null).request();
        assertThat(r.language()).isNull();
        assertThat(r.voice()).isNull();
        assertThat(r.rate()).isEqualTo(1);
        assertThat(r.ssml()).isFalse();
        assertThat(r.lexicon()).isEmpty();

        SpeechRequest s = new SpeakInput("<speak>Hi</speak>", "en", "marytts:cmu-slt-hsmm", 1.5, true,
                Map.of("MRI", "em ar eye"), null).request();
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.voice()).isEqualTo("marytts:cmu-slt-hsmm");
        assertThat(s.rate()).isEqualTo(1.5);
        assertThat(s.ssml()).isTrue();
        assertThat(s.lexicon()).containsEntry("MRI", "em ar eye");
    }

    @Test
    void aLexiconEntryWithoutItsSpokenFormIsNamed() {
        java.util.Map<String, String> lexicon = new java.util.HashMap<>();
        lexicon.put("dr", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpeakInput("Hi", null, null, null, null, lexicon, null)
                .request()).isInstanceOfSatisfying(org.atelier.api.InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("lexicon"));
    }
}
