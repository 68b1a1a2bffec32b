package org.atelier.api.health;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard service registered while a boot-time capability is starting, unregistered once it serves (or has
 * failed and said so in the log). The platform's readiness ({@code /api/v1/health/ready}) is 503 while any is
 * registered; a capability's own service consults the ones for it to answer 503 + {@code Retry-After} instead of
 * "not present".
 *
 * <pre>{@code
 * ServiceRegistration<Starting> starting = context.registerService(Starting.class,
 *         Starting.of("MaryTTS", Starting.SPEECH_SYNTHESIS, Set.of("en")), null);
 * engine.start();                 // seconds
 * context.registerService(SpeechEngine.class, engine, props);
 * starting.unregister();          // after the engine is offered: never a moment with neither
 * }</pre>
 *
 * @since 1.0.0
 */
@ConsumerType
public interface Starting {

    /** The capability of a {@code SpeechEngine}: speech synthesis. */
    String SPEECH_SYNTHESIS = "speech-synthesis";
    /** The capability of a {@code SpeechRecognizer}: speech recognition. */
    String SPEECH_RECOGNITION = "speech-recognition";

    /** @return what is starting, for a person to read (e.g. {@code "MaryTTS"}) */
    String name();

    /** @return the capability it brings, e.g. {@link #SPEECH_SYNTHESIS}; free text for others */
    String capability();

    /**
     * @return the languages (BCP 47 primary subtags, e.g. {@code en}) it will serve; empty when not known in
     *         advance or not language-bound (then it may serve any)
     */
    Set<String> languages();

    /**
     * @param language a language tag such as {@code en} or {@code en-GB}, or {@code null} for any
     * @return whether this may serve that language once started
     */
    default boolean mayServe(String language) {
        if (language == null || languages().isEmpty()) {
            return true;
        }
        String primary = language.split("[-_]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return languages().contains(primary);
    }

    /**
     * @param name what is starting, for a person to read
     * @param capability the capability it brings
     * @param languages the languages it will serve (primary subtags), empty for any
     * @return an immutable marker to register
     */
    static Starting of(String name, String capability, Set<String> languages) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(capability, "capability");
        Set<String> copy = Set.copyOf(languages);
        return new Starting() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String capability() {
                return capability;
            }

            @Override
            public Set<String> languages() {
                return copy;
            }

            @Override
            public String toString() {
                return name + " (" + capability + (copy.isEmpty() ? "" : ", " + String.join(", ", copy)) + ")";
            }
        };
    }
}
