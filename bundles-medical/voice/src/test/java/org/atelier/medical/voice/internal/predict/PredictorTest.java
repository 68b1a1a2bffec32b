package org.atelier.medical.voice.internal.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PredictorTest {

    final Predictor predictor = new Predictor(l -> Predictor.class.getResourceAsStream("/corpus/" + l + ".txt"));

    static List<String> words(Predictor.Prediction p) {
        return p.words().stream().map(Predictor.Suggestion::word).toList();
    }

    @Test
    void theBaseCorpusPredictsEverydayWords() {
        assertThat(words(predictor.predict("en", "Please call the ", null, 0, List.of(), List.of(), 5)))
                .contains("nurse", "doctor");
        assertThat(words(predictor.predict("en", "I need ", null, 0, List.of(), List.of(), 5))).contains("help");
        Predictor.Prediction typing = predictor.predict("en", "I am thir", null, 0, List.of(), List.of(), 5);
        assertThat(typing.prefix()).isEqualTo("thir");
        assertThat(words(typing)).first().isEqualTo("thirsty");
    }

    @Test
    void thePronounIAndItsContractionsAreSuggestedInCapitals() {
        List<String> history = List.of("I'm thirsty.", "I'll wait.", "I've pain.", "I'd like water.", "I am cold.",
                "Yes I am.");
        assertThat(words(predictor.predict("en", "Yes ", "bo", 1, history, List.of(), 20))).contains("I")
                .doesNotContain("i");
        assertThat(words(predictor.predict("en-GB", "i", "bo", 1, history, List.of(), 20)))
                .contains("I", "I'm", "I'll", "I've", "I'd", "is", "it").doesNotContain("i", "i'm", "i'll", "i've", "i'd");
        assertThat(words(predictor.predict("en", "I'", "bo", 1, history, List.of(), 20)))
                .contains("I'm", "I'll");
        assertThat(Predictor.written("fr", "il")).isEqualTo("il");
        assertThat(Predictor.written("en", "it")).isEqualTo("it");
    }

    @Test
    void chineseIsPredictedCharacterByCharacter() {
        assertThat(words(predictor.predict("zh-CN", "我需要", null, 0, List.of(), List.of(), 3))).contains("帮");
        assertThat(words(predictor.predict("zh", "请叫", null, 0, List.of(), List.of(), 3))).contains("护", "医");
    }

    @Test
    void thePersonsOwnHistoryComesFirstAsItGrows() {
        String context = "I need ";
        assertThat(words(predictor.predict("en", context, null, 0, List.of(), List.of(), 3))).doesNotContain("suction");
        List<String> history = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            history.add("I need suction please.");
            history.add("Please reposition me.");
        }
        Predictor.Prediction p = predictor.predict("en", context, "anna", 1, history, List.of(), 3);
        assertThat(words(p)).first().isEqualTo("suction");
        assertThat(predictor.predict("en", "rep", "anna", 1, history, List.of(), 3).words().get(0).word())
                .isEqualTo("reposition");
    }

    @Test
    void phrasesCompleteFromHistoryMostFrequentFirstThenBoards() {
        List<String> history = List.of("I need my glasses.", "I need suction please.", "I need suction please.",
                "Thank you.");
        Predictor.Prediction p = predictor.predict("en", "i need", "bo", 1, history,
                List.of("I need help.", "Yes"), 5);
        assertThat(p.phrases()).containsExactly("I need suction please.", "I need my glasses.", "I need help.");
        assertThat(predictor.predict("en", "", "bo", 1, history, List.of("Yes"), 2).phrases())
                .containsExactly("I need suction please.", "I need my glasses.");
    }

    @Test
    void aLanguageWithoutABaseCorpusLearnsFromHistoryAlone() {
        assertThat(predictor.predict("de", "ich ", null, 0, List.of(), List.of(), 3).words()).isEmpty();
        assertThat(words(predictor.predict("de", "ich ", "cy", 1, List.of("Ich brauche Hilfe."), List.of(), 3)))
                .first().isEqualTo("brauche");
    }
}
