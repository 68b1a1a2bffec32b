package org.atelier.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GeneratorIdTest {

    @Test
    void parsesVerticalSlashId() {
        assertThat(GeneratorId.parse("medical/voice")).isEqualTo(new GeneratorId("medical", "voice"));
    }

    @Test
    void explainsTheFormOnAnythingElse() {
        for (String bad : new String[] {"voice", "/voice", "medical/", "a/b/c", null}) {
            assertThatThrownBy(() -> GeneratorId.parse(bad)).as(String.valueOf(bad))
                    .hasMessageContaining("a generator is named vertical/id");
        }
    }
}
