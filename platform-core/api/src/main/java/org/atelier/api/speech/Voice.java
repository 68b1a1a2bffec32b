package org.atelier.api.speech;

import java.util.Locale;
import java.util.Objects;

/**
 * A voice an engine speaks with.
 *
 * @param id unique among all engines: {@code engine:name}, for example {@code marytts:cmu-slt-hsmm}
 * @param engine the {@linkplain SpeechEngine#id() engine's id}
 * @param language the language it speaks, a BCP 47 tag such as {@code en-US} or {@code cmn}
 * @param gender how it sounds
 * @param name a name to show
 */
public record Voice(String id, String engine, String language, Gender gender, String name) {

    /** How a voice sounds. */
    public enum Gender {
        FEMALE, MALE, NEUTRAL;

        /** @return the name on the wire: {@code female}, {@code male}, {@code neutral} */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Voice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(gender, "gender");
        name = name == null ? id : name;
    }

    /**
     * @param wanted a BCP 47 tag; {@code en} matches {@code en-US}, {@code en-US} matches {@code en-US} and {@code en}
     * @return whether this voice speaks it
     */
    public boolean speaks(String wanted) {
        if (wanted == null || wanted.isBlank()) {
            return false;
        }
        String w = wanted.toLowerCase(Locale.ROOT).replace('_', '-');
        String l = language.toLowerCase(Locale.ROOT).replace('_', '-');
        return l.equals(w) || l.startsWith(w + "-") || w.startsWith(l + "-");
    }
}
