package org.atelier.industrial.design.internal.solver;

/** Told after each iteration: its number (from 1), the compliance, the volume fraction and the largest change. */
@FunctionalInterface
public interface IterationListener {
    IterationListener NONE = (iteration, compliance, volume, change) -> { };

    void iteration(int iteration, double compliance, double volume, double change);
}
