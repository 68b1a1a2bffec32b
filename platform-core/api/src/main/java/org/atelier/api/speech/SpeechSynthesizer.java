package org.atelier.api.speech;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** The platform's speech synthesis, over every {@link SpeechEngine} present. */
@ProviderType
public interface SpeechSynthesizer {

    /** @return every voice of every engine present now */
    List<Voice> voices();

    /**
     * Speaks a request whole.
     *
     * @throws org.atelier.api.InvalidInputException naming the field: empty or too long text, malformed SSML, control
     *         characters, a rate/pitch/volume out of range, a lexicon that loops
     * @throws org.atelier.api.UnsupportedInputException when no engine speaks the language, or there is no such voice
     */
    Speech speak(SpeechRequest request);

    /**
     * Speaks a request sentence by sentence: each sentence's speech is handed over as soon as it is synthesised, so
     * the first audio can be played before the rest is made. Timings are relative to the whole, from its start.
     *
     * @return the voice that speaks
     * @throws org.atelier.api.InvalidInputException as for {@link #speak}, before any audio is handed over
     * @throws org.atelier.api.UnsupportedInputException as for {@link #speak}, before any audio is handed over
     */
    Voice speak(SpeechRequest request, Consumer<Speech> sentences);
}
