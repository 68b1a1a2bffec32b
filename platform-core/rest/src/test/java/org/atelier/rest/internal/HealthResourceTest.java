package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.atelier.api.health.Starting;
import org.junit.jupiter.api.Test;

class HealthResourceTest {

    @Test
    void aStartingEngineIsNamedWithItsCapabilityAndLanguages() {
        assertThat(HealthResource.describe(Starting.of("MaryTTS", Starting.SPEECH_SYNTHESIS, Set.of("en"))))
                .isEqualTo("MaryTTS (speech-synthesis, en) is starting");
        assertThat(HealthResource.describe(Starting.of("espeak-ng", Starting.SPEECH_SYNTHESIS, Set.of())))
                .isEqualTo("espeak-ng (speech-synthesis) is starting");
        Starting broken = new Starting() {
            @Override
            public String name() {
                throw new IllegalStateException("gone");
            }

            @Override
            public String capability() {
                return "x";
            }

            @Override
            public Set<String> languages() {
                return Set.of();
            }
        };
        assertThat(HealthResource.describe(broken)).isEqualTo("an engine is starting");
    }

    @Test
    void notReadyIsAProblemListingEachProblem() {
        // the 503 status and Retry-After are checked over HTTP in LauncherIT (no JAX-RS runtime in a unit test)
        Map<String, Object> body = HealthResource.notReadyBody(List.of("MaryTTS (speech-synthesis, en) is starting",
                "database atelier did not answer within 2 s"));
        assertThat(body).containsEntry("status", 503).containsEntry("title", "Not ready");
        assertThat((String) body.get("detail")).contains("MaryTTS (speech-synthesis, en) is starting; database");
        assertThat((List<?>) body.get("problems")).hasSize(2);
    }
}
