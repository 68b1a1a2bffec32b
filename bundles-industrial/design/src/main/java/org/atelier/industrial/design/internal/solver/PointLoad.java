package org.atelier.industrial.design.internal.solver;

/** A force on a node: fx to the right, fy up (the MBB load is fy = -1), fz towards larger z (0 in 2D). */
public record PointLoad(int node, double fx, double fy, double fz) {
    public static PointLoad of(int node, double fx, double fy) {
        return new PointLoad(node, fx, fy, 0);
    }
}
