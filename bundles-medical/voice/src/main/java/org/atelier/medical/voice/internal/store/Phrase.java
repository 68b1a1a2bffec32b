package org.atelier.medical.voice.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;

/**
 * A phrase on a board.
 *
 * @param id assigned when it is made
 * @param label what the button shows
 * @param vocalization what is said, when it differs from the label; empty to say the label
 * @param color the button's colour as CSS ({@code rgb(…)}, {@code #rrggbb}), or empty
 */
public record Phrase(String id, String label, String vocalization, String color) {

    static final int MAX_TEXT = 1000;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|rgba?\\([0-9., %]{1,40}\\)|[a-z]{1,20}");

    /** @return what is said */
    public String spoken() {
        return vocalization == null || vocalization.isBlank() ? label : vocalization;
    }

    Phrase normalised(String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (label == null || label.isBlank() || label.length() > 200 || label.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(prefix + "label", "is needed: 1 to 200 characters, without control characters"));
        }
        String v = vocalization == null || vocalization.isBlank() ? null : vocalization.strip();
        if (v != null && (v.length() > MAX_TEXT || v.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'))) {
            errors.add(new FieldError(prefix + "vocalization", "at most " + MAX_TEXT
                    + " characters, without control characters"));
        }
        String c = color == null || color.isBlank() ? null : color.strip();
        if (c != null && !COLOR.matcher(c).matches()) {
            errors.add(new FieldError(prefix + "color", "'" + c + "' is not a CSS colour such as rgb(255,255,170)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Phrase(id, label.strip(), v, c);
    }

    /** @return this phrase checked, as given alone */
    public Phrase normalised() {
        return normalised("");
    }
}
