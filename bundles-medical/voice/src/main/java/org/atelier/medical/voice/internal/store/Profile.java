package org.atelier.medical.voice.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;

/**
 * A person's voice: how they sound, the languages they speak, how to say certain words, and their choices for the
 * AIGC label and composing. On the wire and in the database (as JSON) alike; absent settings take their defaults.
 *
 * @param id chosen by the person: lower-case letters, digits, {@code -} and {@code _}, at most 64
 * @param name how it is shown
 * @param voice a voice id ({@code atelier:voices}); empty for the first voice that speaks the language
 * @param rate speaking rate, 1 normal (0.25 to 4)
 * @param pitch pitch factor, 1 normal (0.5 to 2)
 * @param volume loudness, 1 normal (0 to 2)
 * @param languages BCP 47 tags, the first the default; at most 10
 * @param lexicon word → how to say it (a spoken form, {@code /IPA/}, or numbered pinyin for Chinese)
 * @param explicitLabel whether an audible AIGC cue precedes the speech; off by default, since the person speaks
 *        through the device
 * @param quietCompose whether choosing a board phrase adds it to the sentence being composed instead of speaking it
 * @param keepHistory whether what is said is kept (private to the person, deletable; it teaches word prediction)
 */
public record Profile(String id, String name, String voice, Double rate, Double pitch, Double volume,
                      List<String> languages, Map<String, String> lexicon, Boolean explicitLabel,
                      Boolean quietCompose, Boolean keepHistory, String created, String updated) {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");
    public static final int MAX_LEXICON = 500;

    /** @return this profile with defaults filled in, checked */
    public Profile normalised() {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1 to 64 lower-case letters, digits, '-' or '_', starting with a "
                    + "letter or digit"));
        }
        String n = name == null || name.isBlank() ? id : name.strip();
        if (n != null && (n.length() > 200 || n.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("name", "must be at most 200 characters, without control characters"));
        }
        String v = voice == null || voice.isBlank() ? null : voice.strip();
        if (v != null && v.length() > 200) {
            errors.add(new FieldError("voice", "must be at most 200 characters"));
        }
        range(errors, "rate", rate, 0.25, 4);
        range(errors, "pitch", pitch, 0.5, 2);
        range(errors, "volume", volume, 0, 2);
        List<String> langs = new ArrayList<>();
        if (languages != null) {
            if (languages.size() > 10) {
                errors.add(new FieldError("languages", "at most 10"));
            }
            for (String l : languages) {
                if (l == null || !LANGUAGE.matcher(l.strip()).matches()) {
                    errors.add(new FieldError("languages", "'" + l + "' is not a language tag such as en or zh-CN"));
                } else if (!langs.contains(l.strip().toLowerCase(Locale.ROOT))) {
                    langs.add(l.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (langs.isEmpty()) {
            langs.add("en");
        }
        Map<String, String> lex = new LinkedHashMap<>();
        if (lexicon != null) {
            if (lexicon.size() > MAX_LEXICON) {
                errors.add(new FieldError("lexicon", "has " + lexicon.size() + " entries; at most " + MAX_LEXICON));
            }
            for (Map.Entry<String, String> e : lexicon.entrySet()) {
                if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null || e.getValue().isBlank()) {
                    errors.add(new FieldError("lexicon", "an entry needs a word and how to say it"));
                } else if (e.getKey().length() > 200 || e.getValue().length() > 200) {
                    errors.add(new FieldError("lexicon", "'" + abbreviate(e.getKey()) + "': at most 200 characters "
                            + "each side"));
                } else {
                    lex.put(e.getKey().strip(), e.getValue().strip());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Profile(id, n, v, rate == null ? 1.0 : rate, pitch == null ? 1.0 : pitch,
                volume == null ? 1.0 : volume, List.copyOf(langs), lex, Boolean.TRUE.equals(explicitLabel),
                Boolean.TRUE.equals(quietCompose), keepHistory == null || keepHistory, created, updated);
    }

    /** @return the same settings under another id and times */
    public Profile with(String newId, Instant newCreated, Instant newUpdated) {
        return new Profile(newId, name, voice, rate, pitch, volume, languages, lexicon, explicitLabel, quietCompose,
                keepHistory, newCreated == null ? null : newCreated.toString(),
                newUpdated == null ? null : newUpdated.toString());
    }

    private static void range(List<FieldError> errors, String field, Double value, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max + ", not " + value));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "…";
    }
}
