package org.atelier.industrial.design.internal.solver;

/**
 * A mirror symmetry imposed on the design: {@code X} mirrors about the mid-plane across the x axis
 * ({@code elx <-> nelx-1-elx}), {@code Y} about the one across y, {@code Z} across z (3D).
 */
public enum Symmetry {
    X, Y, Z
}
