package org.atelier.industrial.design.internal.solver;

/**
 * An isotropic linear elastic material: Young's modulus of the solid, Poisson's ratio and the modulus of void
 * ({@code Emin}, small and positive so that the stiffness stays invertible). An element of density x has modulus
 * {@code Emin + x^penal (E - Emin)}.
 */
public record Material(double youngsModulus, double poissonRatio, double minimumModulus) {
    /** top88's material: E = 1, nu = 0.3, Emin = 1e-9. */
    public static Material defaults() {
        return new Material(1, 0.3, 1e-9);
    }
}
