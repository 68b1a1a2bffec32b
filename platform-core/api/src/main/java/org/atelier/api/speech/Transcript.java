package org.atelier.api.speech;

import java.util.List;

/**
 * What a recogniser heard.
 *
 * @param text the words, separated by single spaces
 * @param words when each was heard
 * @param confidence the mean confidence of the words, 0 to 1
 */
public record Transcript(String text, List<Timing> words, double confidence) {

    public Transcript {
        words = List.copyOf(words);
    }
}
