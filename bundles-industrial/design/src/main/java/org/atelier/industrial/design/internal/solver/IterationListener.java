package org.atelier.industrial.design.internal.solver;

/** Told after each iteration: its number (from 1), the compliance, the volume fraction and the largest change. */
@FunctionalInterface
public interface IterationListener {
    IterationListener NONE = (iteration, compliance, volume, change) -> { };

    void iteration(int iteration, double compliance, double volume, double change);

    /**
     * Grid continuation only: told before each grid is optimised, coarsest first ({@code level} 1 of
     * {@code levels}; the last is the problem's own grid). Iteration numbers restart at 1 on each grid.
     */
    default void level(int level, int levels, StructuredGrid grid) {
    }
}
