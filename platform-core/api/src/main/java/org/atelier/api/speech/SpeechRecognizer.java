package org.atelier.api.speech;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Speech recognition with word timings: for subtitles, alignment, and to measure how well synthesis is understood. */
@ProviderType
public interface SpeechRecognizer {

    /** @return the languages it understands (BCP 47) */
    List<String> languages();

    /**
     * @param samples mono 16-bit PCM
     * @param sampleRate samples per second
     * @param language one of {@link #languages()}
     * @throws org.atelier.api.UnsupportedInputException when it does not understand the language
     */
    Transcript transcribe(short[] samples, int sampleRate, String language);
}
