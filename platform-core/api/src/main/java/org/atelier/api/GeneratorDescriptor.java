package org.atelier.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * What a {@link Generator} says about itself: identity, human-readable text, input type, output media types,
 * whether it runs long, and its limits. Immutable; build one with {@link #builder(String, String, Class)}.
 *
 * @param <I> the input type
 */
public final class GeneratorDescriptor<I> {

    /** Ids and vertical names: lower-case letters, digits and dashes, starting with a letter or digit. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String vertical;
    private final String id;
    private final Class<I> inputType;
    private final String title;
    private final String description;
    private final List<String> outputMediaTypes;
    private final boolean longRunning;
    private final GeneratorLimits limits;
    private final Map<String, LongSupplier> inputLimits;

    private GeneratorDescriptor(Builder<I> b) {
        this.vertical = b.vertical;
        this.id = b.id;
        this.inputType = b.inputType;
        this.title = b.title == null ? b.id : b.title;
        this.description = b.description == null ? "" : b.description;
        this.outputMediaTypes = List.copyOf(b.outputMediaTypes);
        this.longRunning = b.longRunning;
        this.limits = b.limits;
        this.inputLimits = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputLimits));
    }

    /**
     * Starts a descriptor.
     *
     * @param vertical the vertical (industry) this generator belongs to, e.g. {@code medical}
     * @param id the generator's id, unique within its vertical, e.g. {@code voice}
     * @param inputType the type the request body is deserialised into
     * @param <I> the input type
     * @return a builder
     * @throws IllegalArgumentException when vertical or id do not match {@link #NAME}
     */
    public static <I> Builder<I> builder(String vertical, String id, Class<I> inputType) {
        return new Builder<>(vertical, id, inputType);
    }

    /** @return the vertical, e.g. {@code medical} */
    public String vertical() {
        return vertical;
    }

    /** @return the id within the vertical, e.g. {@code voice} */
    public String id() {
        return id;
    }

    /** @return {@code vertical/id}, the generator's address on the platform */
    public String qualifiedId() {
        return vertical + "/" + id;
    }

    /** @return the type the request body is deserialised into */
    public Class<I> inputType() {
        return inputType;
    }

    /** @return a short human-readable title */
    public String title() {
        return title;
    }

    /** @return a longer description, possibly empty */
    public String description() {
        return description;
    }

    /** @return the media types of the artifacts this generator writes, possibly empty */
    public List<String> outputMediaTypes() {
        return outputMediaTypes;
    }

    /** @return {@code true} when a call may take long enough that it should run as a background job */
    public boolean longRunning() {
        return longRunning;
    }

    /** @return the generator's own limits */
    public GeneratorLimits limits() {
        return limits;
    }

    /**
     * @return limits the generator enforces on input fields beyond its type's annotations, by JSON path
     *         ({@code text}, {@code variants.count}); read each time the input schema is published, so configured
     *         values show as they are now
     * @since 1.2
     */
    public Map<String, LongSupplier> inputLimits() {
        return inputLimits;
    }

    @Override
    public String toString() {
        return "Generator " + qualifiedId() + " (" + title + ")";
    }

    /**
     * Builds a {@link GeneratorDescriptor}.
     *
     * @param <I> the input type
     */
    public static final class Builder<I> {
        private final String vertical;
        private final String id;
        private final Class<I> inputType;
        private String title;
        private String description;
        private List<String> outputMediaTypes = List.of();
        private boolean longRunning;
        private GeneratorLimits limits = GeneratorLimits.DEFAULT;
        private final Map<String, LongSupplier> inputLimits = new LinkedHashMap<>();

        private Builder(String vertical, String id, Class<I> inputType) {
            this.vertical = checkName("vertical", vertical);
            this.id = checkName("id", id);
            this.inputType = Objects.requireNonNull(inputType, "inputType");
        }

        private static String checkName(String what, String value) {
            if (value == null || !NAME.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must match " + NAME.pattern() + ": " + value);
            }
            return value;
        }

        /** @param title a short human-readable title @return this builder */
        public Builder<I> title(String title) {
            this.title = title;
            return this;
        }

        /** @param description a longer description @return this builder */
        public Builder<I> description(String description) {
            this.description = description;
            return this;
        }

        /** @param mediaTypes media types of the artifacts written @return this builder */
        public Builder<I> outputMediaTypes(String... mediaTypes) {
            this.outputMediaTypes = List.of(mediaTypes);
            return this;
        }

        /** @param longRunning whether calls should run as background jobs @return this builder */
        public Builder<I> longRunning(boolean longRunning) {
            this.longRunning = longRunning;
            return this;
        }

        /** @param limits the generator's own limits @return this builder */
        public Builder<I> limits(GeneratorLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * States a limit the generator enforces on one input field, so that the published JSON Schema (and
         * OpenAPI) says it: the most characters of a string, the largest value of a number, the most items of an
         * array or entries of an object. Where the type's annotation allows more, the schema says this limit.
         *
         * @param field the field's JSON path, such as {@code text} or {@code variants.count}
         * @param max the limit as it is now, asked each time the schema is published (a configured value)
         * @return this builder
         * @since 1.2
         */
        public Builder<I> inputLimit(String field, LongSupplier max) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("field must not be blank");
            }
            inputLimits.put(field, Objects.requireNonNull(max, "max"));
            return this;
        }

        /** @return the descriptor */
        public GeneratorDescriptor<I> build() {
            return new GeneratorDescriptor<>(this);
        }
    }
}
