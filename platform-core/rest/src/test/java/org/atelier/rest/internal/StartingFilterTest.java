package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StartingFilterTest {

    @Test
    void onlyHealthIsServedWhileTheDatabaseIsAwaited() {
        assertThat(StartingFilter.isHealth("health/ready")).isTrue();
        assertThat(StartingFilter.isHealth("/health/live")).isTrue();
        assertThat(StartingFilter.isHealth("health")).isTrue();
        assertThat(StartingFilter.isHealth("healthy")).isFalse();
        assertThat(StartingFilter.isHealth("verticals")).isFalse();
        assertThat(StartingFilter.isHealth("medical/voice/health/ready")).isFalse();
        assertThat(StartingFilter.isHealth("")).isFalse();
        assertThat(StartingFilter.isHealth(null)).isFalse();
    }
}
