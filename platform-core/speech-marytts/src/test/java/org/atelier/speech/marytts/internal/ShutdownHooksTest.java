package org.atelier.speech.marytts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShutdownHooksTest {

    static final class Hook extends Thread {
    }

    @Test
    void removesTheHooksOfTheGivenClassesOnly() {
        Hook mine = new Hook();
        Thread other = new Thread(() -> { });
        Runtime.getRuntime().addShutdownHook(mine);
        Runtime.getRuntime().addShutdownHook(other);
        try {
            assertThat(ShutdownHooks.of(c -> c == Hook.class)).containsExactly(mine);

            assertThat(ShutdownHooks.remove(c -> c == Hook.class)).isEqualTo(1);

            assertThat(ShutdownHooks.of(c -> c == Hook.class)).isEmpty();
            assertThat(Runtime.getRuntime().removeShutdownHook(mine)).as("already gone").isFalse();
        } finally {
            Runtime.getRuntime().removeShutdownHook(other);
        }
    }

    @Test
    void aStartedMaryTtsLeavesNoHookBehind() throws Exception {
        new MaryTtsEngine(getClass().getClassLoader(), false).start();

        assertThat(marytts.server.Mary.currentState()).isEqualTo(marytts.server.Mary.STATE_RUNNING);
        // Mary$2 is the hook Mary.startup adds (Mary.java:290 in 5.2.1): the filter must know it
        Class<?> hook = Class.forName("marytts.server.Mary$2");
        assertThat(Thread.class).isAssignableFrom(hook);
        assertThat(ShutdownHooks.mary().test(hook)).isTrue();
        assertThat(ShutdownHooks.of(ShutdownHooks.mary())).isEmpty();
    }
}
