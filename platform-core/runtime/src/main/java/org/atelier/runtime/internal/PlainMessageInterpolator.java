package org.atelier.runtime.internal;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.metadata.ConstraintDescriptor;

/**
 * Constraint messages in plain language with their numbers ({@code must be less than or equal to 4},
 * {@code must have at most 5000 characters}), without an expression language: Hibernate Validator's default messages use EL
 * ({@code ${inclusive == true ? 'or equal to ' : ''}}), which does not resolve inside OSGi, and its parameter
 * interpolator leaves such expressions in the text. A constraint with a message of its own keeps it, with
 * {@code {parameters}} filled in.
 */
final class PlainMessageInterpolator implements MessageInterpolator {

    private static final String DEFAULT_PREFIX = "{jakarta.validation.constraints.";
    private static final String HIBERNATE_PREFIX = "{org.hibernate.validator.constraints.";

    private final ParameterMessageInterpolator parameters = new ParameterMessageInterpolator();

    @Override
    public String interpolate(String template, Context context) {
        return interpolate(template, context, Locale.ROOT);
    }

    @Override
    public String interpolate(String template, Context context, Locale locale) {
        if (template != null && (template.startsWith(DEFAULT_PREFIX) || template.startsWith(HIBERNATE_PREFIX))) {
            String plain = plain(context.getConstraintDescriptor(), context.getValidatedValue());
            if (plain != null) {
                return plain;
            }
        }
        String filled = parameters.interpolate(template, context, Locale.ROOT);
        // an expression nobody can evaluate here is dropped rather than shown
        return filled.replaceAll("\\$\\{[^}]*}", "").replaceAll("\\s{2,}", " ").strip();
    }

    private static String plain(ConstraintDescriptor<?> d, Object value) {
        Annotation a = d.getAnnotation();
        Map<String, Object> at = d.getAttributes();
        // the other built-in messages read well once their {parameters} are filled in, and keep Hibernate's words
        return switch (a.annotationType().getSimpleName()) {
            case "DecimalMin" -> "must be greater than " + (Boolean.FALSE.equals(at.get("inclusive")) ? ""
                    : "or equal to ") + at.get("value");
            case "DecimalMax" -> "must be less than " + (Boolean.FALSE.equals(at.get("inclusive")) ? ""
                    : "or equal to ") + at.get("value");
            case "Size", "Length" -> size(number(at.get("min")), number(at.get("max")), unit(value));
            default -> null;
        };
    }

    private static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    private static String unit(Object value) {
        if (value instanceof CharSequence) {
            return "characters";
        }
        if (value instanceof Map) {
            return "entries";
        }
        if (value instanceof Collection || value != null && value.getClass().isArray()) {
            return "items";
        }
        return "elements";
    }

    static String size(long min, long max, String unit) {
        boolean noMax = max >= Integer.MAX_VALUE;
        if (min <= 0 && noMax) {
            return "has a size that is not allowed";
        }
        if (min <= 0) {
            return "must have at most " + max + " " + unit;
        }
        if (noMax) {
            return "must have at least " + min + " " + unit;
        }
        if (min == max) {
            return "must have exactly " + min + " " + unit;
        }
        return "must have between " + min + " and " + max + " " + unit;
    }
}
