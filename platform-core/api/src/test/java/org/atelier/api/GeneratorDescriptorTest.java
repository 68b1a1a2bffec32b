package org.atelier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class GeneratorDescriptorTest {

    record Input(String text) {
    }

    @Test
    void buildsWithDefaults() {
        GeneratorDescriptor<Input> d = GeneratorDescriptor.builder("medical", "voice", Input.class).build();

        assertThat(d.qualifiedId()).isEqualTo("medical/voice");
        assertThat(d.title()).isEqualTo("voice");
        assertThat(d.description()).isEmpty();
        assertThat(d.outputMediaTypes()).isEmpty();
        assertThat(d.longRunning()).isFalse();
        assertThat(d.limits()).isSameAs(GeneratorLimits.DEFAULT);
    }

    @Test
    void refusesNamesThatCannotBeAPathSegment() {
        for (String bad : new String[] {"", "Medical", "a/b", "-x", "a b", "x".repeat(64), null}) {
            assertThatThrownBy(() -> GeneratorDescriptor.builder(bad, "voice", Input.class))
                    .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> GeneratorDescriptor.builder("medical", bad, Input.class))
                    .as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> GeneratorLimits.of(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidInputNamesEveryFieldAndSummarisesTheFirst() {
        InvalidInputException e = new InvalidInputException(List.of(
                new InvalidInputException.FieldError("times", "must be at most 5"),
                new InvalidInputException.FieldError("text", "must not be blank")));

        assertThat(e.getMessage()).isEqualTo("times: must be at most 5 (and 1 more)");
        assertThat(e.errors()).hasSize(2);
        assertThatThrownBy(() -> new InvalidInputException(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OverloadedException("busy", 0).retryAfterSeconds()).isEqualTo(1);
    }
}
