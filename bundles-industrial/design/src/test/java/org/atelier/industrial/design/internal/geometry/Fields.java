package org.atelier.industrial.design.internal.geometry;

import java.util.Random;

/** Density fields made by the tests, indexed as the solver does: {@code ely + elx * nely + elz * nelx * nely}. */
final class Fields {

    private Fields() {
    }

    interface Density2 {
        double at(int elx, int ely);
    }

    interface Density3 {
        double at(int elx, int ely, int elz);
    }

    static double[] of(int nelx, int nely, Density2 density) {
        double[] x = new double[nelx * nely];
        for (int elx = 0; elx < nelx; elx++) {
            for (int ely = 0; ely < nely; ely++) {
                x[ely + elx * nely] = density.at(elx, ely);
            }
        }
        return x;
    }

    static double[] of(int nelx, int nely, int nelz, Density3 density) {
        double[] x = new double[nelx * nely * nelz];
        for (int elz = 0; elz < nelz; elz++) {
            for (int elx = 0; elx < nelx; elx++) {
                for (int ely = 0; ely < nely; ely++) {
                    x[ely + elx * nely + elz * nelx * nely] = density.at(elx, ely, elz);
                }
            }
        }
        return x;
    }

    /** 1 in the elements whose centre lies within {@code r} of {@code (cx, cy)}, else 0. */
    static double[] disc(int nelx, int nely, double cx, double cy, double r) {
        return of(nelx, nely, (elx, ely) -> Math.hypot(elx + 0.5 - cx, ely + 0.5 - cy) < r ? 1 : 0);
    }

    /** 1 between radii {@code inner} and {@code outer} around {@code (cx, cy)}, else 0. */
    static double[] ring(int nelx, int nely, double cx, double cy, double inner, double outer) {
        return of(nelx, nely, (elx, ely) -> {
            double d = Math.hypot(elx + 0.5 - cx, ely + 0.5 - cy);
            return d < outer && d >= inner ? 1 : 0;
        });
    }

    /** Grey noise: every density drawn at random, a field full of saddles and specks. */
    static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble();
        }
        return x;
    }

    /**
     * A MBB-beam-like truss of {@code nelx} × {@code nely}: solid top and bottom chords and diagonal members, with
     * grey (filtered) edges, like a top88 result.
     */
    static double[] truss(int nelx, int nely) {
        double chord = nely / 10.0;
        double bar = nely / 16.0;
        return of(nelx, nely, (elx, ely) -> {
            double x = elx + 0.5;
            double y = ely + 0.5;
            double d = Math.min(y, nely - y) - chord;
            double phase = (x % nely) / nely;
            double diagonal = Math.abs(y - (phase < 0.5 ? 2 * phase : 2 - 2 * phase) * nely);
            d = Math.min(d, diagonal - bar);
            return Math.max(0, Math.min(1, 0.5 - d / 2));
        });
    }
}
