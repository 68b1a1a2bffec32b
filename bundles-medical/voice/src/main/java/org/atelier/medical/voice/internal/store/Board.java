package org.atelier.medical.voice.internal.store;

import java.util.ArrayList;
import java.util.List;

import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;

/**
 * A phrase board: a category of phrases a person picks from (quick needs, pain, greetings).
 *
 * @param id assigned when it is made
 * @param name how it is shown
 * @param locale the language of its phrases, such as {@code en} or {@code zh}
 * @param position where it is among the person's boards, from 0
 * @param phrases its phrases in order
 */
public record Board(String id, String name, String locale, Integer position, List<Phrase> phrases) {

    /** @return this board checked, with defaults; phrases beyond {@code maxPhrases} are refused */
    public Board normalised(int maxPhrases) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "is needed: 1 to 200 characters, without control characters"));
        }
        String l = locale == null || locale.isBlank() ? "en" : locale.strip().toLowerCase(java.util.Locale.ROOT);
        if (!Profile.LANGUAGE.matcher(l).matches()) {
            errors.add(new FieldError("locale", "'" + locale + "' is not a language tag such as en or zh"));
        }
        List<Phrase> ps = phrases == null ? List.of() : phrases;
        if (ps.size() > maxPhrases) {
            errors.add(new FieldError("phrases", "has " + ps.size() + "; at most " + maxPhrases + " on a board"));
        }
        List<Phrase> checked = new ArrayList<>();
        for (int i = 0; i < ps.size() && errors.isEmpty(); i++) {
            try {
                checked.add(ps.get(i) == null ? null : ps.get(i).normalised("phrases[" + i + "]."));
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
            if (ps.get(i) == null) {
                errors.add(new FieldError("phrases[" + i + "]", "is null"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Board(id, name.strip(), l, position, checked);
    }
}
