/**
 * Artifacts made from a topology optimisation result: a PNG preview of the densities, an SVG of the 0.5 contour, a
 * binary STL (a 2D design extruded to a plate, a 3D design as its iso-surface) and a PNG convergence plot. Plain Java
 * on the JDK (javax.imageio, Java2D), no OSGi; not exported.
 * <p>
 * Every renderer takes the densities as the solver holds them: {@code double[] x} with values in [0, 1], element
 * {@code (elx, ely, elz)} at index {@code ely + elx * nely + elz * nelx * nely}, {@code ely = 0} at the top (as
 * top88 shows its images: row = y from the top, column = x), elements 1 × 1 × 1.
 */
package org.atelier.industrial.design.internal.geometry;
