package org.atelier.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One kind of generation work that a vertical offers, registered as an OSGi service.
 *
 * <p>The platform deserialises the request body into the {@linkplain GeneratorDescriptor#inputType() input type},
 * validates it with its Jakarta Bean Validation constraints ({@code @NotNull}, {@code @Min}, {@code @Size}, …) and
 * only then calls {@link #generate}. Implementations must be thread-safe: the platform calls them concurrently up
 * to the generator's concurrency limit. They must hold no static state across bundle restarts.
 *
 * @param <I> the input type, typically a record whose components carry validation constraints
 */
@ConsumerType
public interface Generator<I> {

    /**
     * Describes this generator. Called when the service is registered; the answer must not change afterwards.
     *
     * @return the descriptor, never {@code null}
     */
    GeneratorDescriptor<I> descriptor();

    /**
     * Does the work for one validated input.
     *
     * @param input the validated input, never {@code null}
     * @param context reports progress, observes cancellation and stores artifacts
     * @return a JSON-serialisable summary of the result (a record, a map, a string, a number) or {@code null}
     * @throws InvalidInputException when the input is well formed but cannot be used (the caller gets a 400)
     * @throws UnsupportedInputException when the generator cannot do what is asked (the caller gets a 422)
     * @throws OverloadedException when a resource the generator depends on is saturated (the caller gets a 429)
     * @throws GenerationCancelledException when the context reported cancellation
     */
    Object generate(I input, GenerationContext context);

    /**
     * Checks a bound input for what its constraints cannot say (a load on a node the mesh does not have, a size
     * beyond a configured limit), before any job is made, so the caller gets a 400 at once rather than a failed
     * job. Called on the caller's thread; by default it checks nothing more.
     *
     * @param input the input, after its Jakarta Bean Validation constraints passed
     * @throws InvalidInputException naming the offending field
     * @since 1.1
     */
    default void check(I input) {
    }
}
