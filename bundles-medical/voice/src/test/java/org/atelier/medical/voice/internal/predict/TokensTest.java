package org.atelier.medical.voice.internal.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void wordsAreLowerCaseAndSentencesEndAtPunctuation() {
        assertThat(Tokens.sentences("I don't know. Call the Nurse!\nThanks"))
                .containsExactly(List.of("i", "don't", "know"), List.of("call", "the", "nurse"), List.of("thanks"));
    }

    @Test
    void chineseIsReadCharacterByCharacter() {
        assertThat(Tokens.sentences("我需要帮助。谢谢 OK")).containsExactly(List.of("我", "需", "要", "帮", "助"),
                List.of("谢", "谢", "ok"));
    }

    @Test
    void whatIsTypedSplitsIntoContextAndTheWordBeingTyped() {
        assertThat(Tokens.typed("I need he")).isEqualTo(new Tokens.Typed(List.of("i", "need"), "he"));
        assertThat(Tokens.typed("I need ")).isEqualTo(new Tokens.Typed(List.of("i", "need"), ""));
        assertThat(Tokens.typed("Thanks. I")).isEqualTo(new Tokens.Typed(List.of(), "i"));
        assertThat(Tokens.typed("Thanks.")).isEqualTo(new Tokens.Typed(List.of(), ""));
        assertThat(Tokens.typed("")).isEqualTo(new Tokens.Typed(List.of(), ""));
        assertThat(Tokens.typed("I don'")).isEqualTo(new Tokens.Typed(List.of("i"), "don'"));
        assertThat(Tokens.typed("我需要")).isEqualTo(new Tokens.Typed(List.of("我", "需", "要"), ""));
    }
}
