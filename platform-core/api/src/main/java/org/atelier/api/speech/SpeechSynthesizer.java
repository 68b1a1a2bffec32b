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
     *         characters, a rate/pitch/volume out of range, a lexicon that loops, IPA phonemes (in {@code text} or
     *         {@code lexicon}) that the voice cannot say
     * @throws org.atelier.api.UnsupportedInputException when no engine speaks the language, or there is no such voice
     */
    Speech speak(SpeechRequest request);

    /**
     * Speaks a request as a stream: its audio is handed over in pieces as soon as each is synthesised, so the first
     * audio can be played before the rest is made. A piece is a whole sentence, or part of one when the engine
     * streams within sentences (MaryTTS does); played one after the other, the pieces are exactly what
     * {@link #speak(SpeechRequest)} returns. Timings are relative to the whole, from its start; the word and phoneme
     * timings of a sentence may all arrive with its last piece, so a player that shows words as they are heard reads
     * them from that piece on. A piece may carry timings and no samples.
     *
     * @param pieces receives the pieces in order, on the calling thread; when it throws, speech stops and the
     *        exception is passed on
     * @return the voice that speaks
     * @throws org.atelier.api.InvalidInputException as for {@link #speak}, before any audio is handed over
     * @throws org.atelier.api.UnsupportedInputException as for {@link #speak}, before any audio is handed over
     */
    Voice speak(SpeechRequest request, Consumer<Speech> pieces);

    /**
     * @return the longest text, in characters, that {@link #speak(SpeechRequest)} accepts now (configured); a
     *         generator states it in its input schema with {@code GeneratorDescriptor.Builder.inputLimit}
     * @since 1.2
     */
    default int maxTextChars() {
        return Integer.MAX_VALUE;
    }
}
