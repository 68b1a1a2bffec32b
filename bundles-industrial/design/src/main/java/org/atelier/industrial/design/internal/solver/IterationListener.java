package org.atelier.industrial.design.internal.solver;

/** Told after each iteration: its number (from 1), the compliance, the volume fraction and the largest change. */
@FunctionalInterface
public interface IterationListener {
    IterationListener NONE = (iteration, compliance, volume, change) -> { };

    void iteration(int iteration, double compliance, double volume, double change);

    /**
     * Told right after {@link #iteration} with that iteration's physical densities on the grid being optimised
     * (a coarser one under grid continuation), for a preview. The array is the optimiser's own: read it now, copy
     * what is kept, never change it.
     */
    default void design(int iteration, double[] densities, StructuredGrid grid) {
    }

    /**
     * Grid continuation only: told before each grid is optimised, coarsest first ({@code level} 1 of
     * {@code levels}; the last is the problem's own grid). Iteration numbers restart at 1 on each grid.
     */
    default void level(int level, int levels, StructuredGrid grid) {
    }
}
