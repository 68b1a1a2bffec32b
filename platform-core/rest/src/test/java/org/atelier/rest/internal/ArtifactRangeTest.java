package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArtifactRangeTest {

    @Test
    void readsTheRangesPlayersSend() {
        assertThat(ArtifactResource.span("bytes=0-99", 1000)).containsExactly(0, 99);
        assertThat(ArtifactResource.span("bytes=500-", 1000)).containsExactly(500, 999);
        assertThat(ArtifactResource.span("bytes=-100", 1000)).containsExactly(900, 999);
        assertThat(ArtifactResource.span("bytes=990-2000", 1000)).containsExactly(990, 999);
        assertThat(ArtifactResource.span("bytes=-5000", 1000)).containsExactly(0, 999);
    }

    @Test
    void refusesWhatItCannotServeWith416() {
        for (String bad : new String[] {"bytes=1000-", "bytes=5-1", "bytes=0-1,5-6", "items=0-1", "bytes=a-b",
            "bytes=-0", "bytes=7"}) {
            assertThatThrownBy(() -> ArtifactResource.span(bad, 1000)).as(bad)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.status).isEqualTo(416);
                        assertThat(e.headers).containsEntry("Content-Range", "bytes */1000");
                    });
        }
    }
}
