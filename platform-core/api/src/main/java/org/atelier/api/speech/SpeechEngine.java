package org.atelier.api.speech;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A speech synthesis engine, registered as a service; any number may be present and they may come and go. The
 * platform's {@link SpeechSynthesizer} picks one by language and voice, parses SSML and applies lexicons before it
 * calls {@link #synthesize}.
 */
@ConsumerType
public interface SpeechEngine {

    /** @return a short stable id, such as {@code marytts} or {@code espeak-ng} */
    String id();

    /** @return the voices it has now; never {@code null} */
    List<Voice> voices();

    /**
     * Speaks segments with one of its voices. Implementations must be safe to call from several threads (an engine
     * that is not serialises its calls itself).
     *
     * @param voice one of {@link #voices()}
     * @param segments what to say and how, in order; the language of each is one the voice speaks
     * @return the audio with word timings (and phoneme timings when the engine has them)
     * @throws org.atelier.api.UnsupportedInputException when the engine cannot speak something it was given
     */
    Speech synthesize(Voice voice, List<Segment> segments);
}
