package org.atelier.medical.voice.internal.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class NgramModelTest {

    final NgramModel model = new NgramModel(Tokens.sentences(
            "I need help. I need water. I need help now. You need rest. Help me please. I want water."));

    @Test
    void probabilitiesSumToOneInEveryContext() {
        List<String> words = model.vocabulary().keySet().stream().toList();
        for (String[] ctx : new String[][] {{null, null}, {null, "i"}, {"i", "need"}, {"you", "need"},
                {"never", "seen"}, {"need", "help"}}) {
            double sum = model.probability(ctx[0], ctx[1], NgramModel.EOS) + model.probability(ctx[0], ctx[1], "<unk>");
            for (String w : words) {
                sum += model.probability(ctx[0], ctx[1], w);
            }
            assertThat(sum).as("context %s %s", ctx[0], ctx[1]).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void theContextDecidesTheLikeliestWord() {
        assertThat(model.probability("i", "need", "help")).isGreaterThan(model.probability("i", "need", "water"));
        assertThat(model.probability("i", "need", "water")).isGreaterThan(model.probability("i", "need", "me"));
        assertThat(model.probability("you", "need", "rest")).isGreaterThan(model.probability("you", "need", "help"));
    }

    @Test
    void unseenWordsKeepSomeProbability() {
        assertThat(model.probability("i", "need", "coffee")).isGreaterThan(0);
        assertThat(model.probability("i", "need", "please")).isGreaterThan(model.probability("i", "need", "coffee"));
    }

    @Test
    void continuationCountsMakeAWordSeenInOneContextOnlyLessLikelyElsewhere() {
        // "francisco" follows only "san", though often; "water" follows two different words
        NgramModel m = new NgramModel(Tokens.sentences("san francisco. san francisco. san francisco. san francisco. "
                + "drink water. cold water."));
        assertThat(m.probability(null, "blue", "water")).isGreaterThan(m.probability(null, "blue", "francisco"));
    }
}
