package org.atelier.industrial.design.internal.solver;

/**
 * Svanberg's Method of Moving Asymptotes (1987; the asymptote and p/q rules of his 2007 {@code mmasub} notes) for
 * one constraint {@code g(x) <= 0} and bounds [0, 1], written compactly: with one constraint the dual of the convex
 * separable subproblem is a concave function of a single multiplier, found by bisection on its derivative. The
 * artificial variable y (cost {@code c y + y^2/2}, c = 1000) keeps the subproblem feasible; z is not needed (a = 0).
 */
final class Mma {
    private static final double ASYINIT = 0.5;
    private static final double ASYINCR = 1.2;
    private static final double ASYDECR = 0.7;
    private static final double ALBEFA = 0.1;
    private static final double RAA0 = 1e-5;
    private static final double C = 1000;

    private final int n;
    private final double move;
    private final double[] xold1;
    private final double[] xold2;
    private final double[] low;
    private final double[] upp;
    private final double[] alpha;
    private final double[] beta;
    private final double[] p0;
    private final double[] q0;
    private final double[] p1;
    private final double[] q1;
    private int iteration;

    Mma(int n, double move) {
        this.n = n;
        this.move = move;
        xold1 = new double[n];
        xold2 = new double[n];
        low = new double[n];
        upp = new double[n];
        alpha = new double[n];
        beta = new double[n];
        p0 = new double[n];
        q0 = new double[n];
        p1 = new double[n];
        q1 = new double[n];
    }

    /**
     * One MMA step on the variables x (changed in place) with objective gradient df0, constraint value g and
     * gradient dg; {@code active[j]} false keeps x[j] as it is.
     */
    void update(double[] x, double[] df0, double g, double[] dg, boolean[] active) {
        iteration++;
        for (int j = 0; j < n; j++) {
            if (!active[j]) {
                continue;
            }
            double xj = x[j];
            if (iteration <= 2) {
                low[j] = xj - ASYINIT;
                upp[j] = xj + ASYINIT;
            } else {
                double sign = (xj - xold1[j]) * (xold1[j] - xold2[j]);
                double factor = sign > 0 ? ASYINCR : sign < 0 ? ASYDECR : 1;
                low[j] = xj - factor * (xold1[j] - low[j]);
                upp[j] = xj + factor * (upp[j] - xold1[j]);
                low[j] = Math.max(xj - 10, Math.min(xj - 0.01, low[j]));
                upp[j] = Math.min(xj + 10, Math.max(xj + 0.01, upp[j]));
            }
            alpha[j] = Math.max(0, Math.max(low[j] + ALBEFA * (xj - low[j]), xj - move));
            beta[j] = Math.min(1, Math.min(upp[j] - ALBEFA * (upp[j] - xj), xj + move));
            double ux2 = (upp[j] - xj) * (upp[j] - xj);
            double xl2 = (xj - low[j]) * (xj - low[j]);
            double d0 = df0[j];
            p0[j] = ux2 * (1.001 * Math.max(d0, 0) + 0.001 * Math.max(-d0, 0) + RAA0);
            q0[j] = xl2 * (0.001 * Math.max(d0, 0) + 1.001 * Math.max(-d0, 0) + RAA0);
            double d1 = dg[j];
            p1[j] = ux2 * (1.001 * Math.max(d1, 0) + 0.001 * Math.max(-d1, 0) + RAA0);
            q1[j] = xl2 * (0.001 * Math.max(d1, 0) + 1.001 * Math.max(-d1, 0) + RAA0);
        }
        // constant of the approximation of g at x: g~(x) = r + sum p1/(u-x) + q1/(x-l)
        double r = g;
        for (int j = 0; j < n; j++) {
            if (active[j]) {
                r -= p1[j] / (upp[j] - x[j]) + q1[j] / (x[j] - low[j]);
            }
        }
        System.arraycopy(xold1, 0, xold2, 0, n);
        System.arraycopy(x, 0, xold1, 0, n);
        double[] xs = x.clone();
        double lambda = 0;
        if (dualSlope(0, r, xs) > 0) {
            double lo = 0;
            double hi = 1;
            while (dualSlope(hi, r, xs) > 0 && hi < 1e12) {
                lo = hi;
                hi *= 2;
            }
            for (int k = 0; k < 100 && hi - lo > 1e-12 * hi; k++) {
                double mid = 0.5 * (lo + hi);
                if (dualSlope(mid, r, xs) > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lambda = 0.5 * (lo + hi);
        }
        dualSlope(lambda, r, xs);
        for (int j = 0; j < n; j++) {
            if (active[j]) {
                x[j] = xs[j];
            }
        }
    }

    /** The derivative of the dual at lambda (the subproblem's constraint at its minimiser xs), filling xs. */
    private double dualSlope(double lambda, double r, double[] xs) {
        double s = r;
        for (int j = 0; j < n; j++) {
            if (p0[j] == 0 && q0[j] == 0) { // a passive variable
                continue;
            }
            double pj = Math.sqrt(p0[j] + lambda * p1[j]);
            double qj = Math.sqrt(q0[j] + lambda * q1[j]);
            double xj = (pj * low[j] + qj * upp[j]) / (pj + qj);
            xj = Math.max(alpha[j], Math.min(beta[j], xj));
            xs[j] = xj;
            s += p1[j] / (upp[j] - xj) + q1[j] / (xj - low[j]);
        }
        double y = Math.max(0, lambda - C);
        return s - y;
    }
}
