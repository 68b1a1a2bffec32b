package com.example.partner.music.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The request body of {@code POST /api/v1/entertainment/music}. The platform checks these constraints before the
 * generator runs and answers 400 naming each offending field; they also make the input's JSON Schema.
 *
 * @param mood the character of the piece: happy, sad, calm or tense
 * @param key the key, e.g. {@code C}, {@code F#}, {@code Bb}, {@code Am}, {@code C#m}
 * @param tempo beats per minute
 * @param bars length of the piece in bars
 * @param seed makes the piece reproducible: the same input and seed give the same files; a random one when absent
 */
public record MusicInput(
        @NotNull @Pattern(regexp = Mood.PATTERN, message = "must be one of " + Mood.NAMES) String mood,
        @NotNull @Pattern(regexp = Key.PATTERN, message = "must be a major or minor key with a standard key "
                + "signature, such as C, F#, Bb, Am or C#m") String key,
        @NotNull @Min(40) @Max(240) Integer tempo,
        @NotNull @Min(1) @Max(64) Integer bars,
        Long seed) {
}
