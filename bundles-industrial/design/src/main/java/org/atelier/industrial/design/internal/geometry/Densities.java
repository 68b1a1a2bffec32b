package org.atelier.industrial.design.internal.geometry;

/** Checks the density field handed over by the solver, once, with messages that name what is wrong. */
final class Densities {

    /** The largest number of elements a renderer accepts (a 3D field of 400 × 200 × 200 is 16 million). */
    static final long MAX_ELEMENTS = 8_000_000L;

    private Densities() {
    }

    /**
     * @param nelz 0 or 1 for a 2D field
     * @return the number of layers, at least 1
     * @throws IllegalArgumentException if the sizes do not match the array or a value is not a finite number
     */
    static int check(double[] x, int nelx, int nely, int nelz) {
        if (x == null) {
            throw new IllegalArgumentException("no densities");
        }
        if (nelx < 1 || nely < 1 || nelz < 0) {
            throw new IllegalArgumentException("the element counts must be positive: nelx=" + nelx + ", nely=" + nely
                    + ", nelz=" + nelz);
        }
        int layers = Math.max(1, nelz);
        long n = (long) nelx * nely * layers;
        if (n > MAX_ELEMENTS) {
            throw new IllegalArgumentException("too many elements to render: " + n + " (at most " + MAX_ELEMENTS + ")");
        }
        if (x.length != n) {
            throw new IllegalArgumentException("the densities hold " + x.length + " values but nelx × nely × nelz = "
                    + nelx + " × " + nely + " × " + layers + " = " + n);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("density " + i + " is not a number: " + x[i]);
            }
        }
        return layers;
    }

    /** @return {@code v} clamped to [0, 1] (the solver's move limits keep it there; rounding may not) */
    static double clamp(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }
}
