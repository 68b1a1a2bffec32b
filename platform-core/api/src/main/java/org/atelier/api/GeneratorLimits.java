package org.atelier.api;

/**
 * Limits a generator asks the platform to enforce. A value of {@code 0} means "the platform's configured default";
 * the platform never lets a generator exceed its own configured ceilings.
 */
public final class GeneratorLimits {

    /** No limits of the generator's own: the platform's defaults apply. */
    public static final GeneratorLimits DEFAULT = new GeneratorLimits(0, 0);

    private final int maxConcurrent;
    private final long maxInputBytes;

    private GeneratorLimits(int maxConcurrent, long maxInputBytes) {
        if (maxConcurrent < 0 || maxInputBytes < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
        this.maxConcurrent = maxConcurrent;
        this.maxInputBytes = maxInputBytes;
    }

    /**
     * @param maxConcurrent how many calls may run at once ({@code 0}: platform default)
     * @param maxInputBytes the largest request body accepted ({@code 0}: platform default)
     * @return the limits
     */
    public static GeneratorLimits of(int maxConcurrent, long maxInputBytes) {
        return new GeneratorLimits(maxConcurrent, maxInputBytes);
    }

    /** @return how many calls may run at once; {@code 0} for the platform default */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** @return the largest request body accepted, in bytes; {@code 0} for the platform default */
    public long maxInputBytes() {
        return maxInputBytes;
    }
}
