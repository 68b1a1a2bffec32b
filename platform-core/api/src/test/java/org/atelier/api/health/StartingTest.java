package org.atelier.api.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StartingTest {

    @Test
    void aMarkerServesItsLanguagesByPrimarySubtagOrAnyWhenItNamesNone() {
        Starting mary = Starting.of("MaryTTS", Starting.SPEECH_SYNTHESIS, Set.of("en"));
        assertThat(mary.mayServe("en")).isTrue();
        assertThat(mary.mayServe("EN-gb")).isTrue();
        assertThat(mary.mayServe("en_US")).isTrue();
        assertThat(mary.mayServe("fr")).isFalse();
        assertThat(mary.mayServe("eng")).as("a three-letter code is another language tag").isFalse();
        assertThat(mary.mayServe(null)).isTrue();
        assertThat(mary).hasToString("MaryTTS (speech-synthesis, en)");

        Starting espeak = Starting.of("espeak-ng", Starting.SPEECH_SYNTHESIS, Set.of());
        assertThat(espeak.mayServe("zh")).isTrue();
        assertThat(espeak).hasToString("espeak-ng (speech-synthesis)");
    }

    @Test
    void aMarkerIsImmutableAndNamed() {
        Set<String> languages = new HashSet<>(Set.of("en"));
        Starting s = Starting.of("x", "c", languages);
        languages.add("de");
        assertThat(s.languages()).containsExactly("en");
        assertThatThrownBy(() -> s.languages().add("fr")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Starting.of(null, "c", Set.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Starting.of("x", null, Set.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void retryAfterIsAtLeastASecond() {
        assertThat(new StartingException("MaryTTS is starting", 0).retryAfterSeconds()).isEqualTo(1);
        assertThat(new StartingException("MaryTTS is starting", 3).retryAfterSeconds()).isEqualTo(3);
    }
}
