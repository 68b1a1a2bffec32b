package org.atelier.industrial.design.internal.geometry;

/**
 * The densities as samples at the element centres, lightly smoothed, with a ring of zeros around the domain, which
 * the contour and the surfaces are cut from at {@link #ISO}.
 * <p>
 * Sampling at the centres (rather than averaging onto the nodes) puts the 0.5 crossing between a solid element at the
 * edge of the domain and the zero ring exactly on the domain boundary, so a design that fills the domain is as large
 * as the domain, and a bar one element wide survives. The smoothing is a separable [1 4 1] / 6 kernel over the
 * elements inside the domain only (the weights renormalised at the boundary, so a solid boundary stays solid); it
 * rounds the stairs of a 0/1 field and keeps straight boundaries where they are.
 * <p>
 * Sample {@code (i, r, k)} lies at {@code (i - 0.5, r - 0.5, k - 0.5)} in element units with y pointing up: element
 * {@code (elx, ely, elz)} is sample {@code (elx + 1, nely - ely, elz + 1)}. A 2D grid has one layer and no padding
 * in z.
 */
final class IsoGrid {

    static final double ISO = 0.5;
    /** Crossings are kept this far (in edge lengths) from the samples, so two edges never share a point. */
    static final double MIN_T = 1e-3;

    /** Padded sizes: {@code w = nelx + 2}, {@code h = nely + 2}, {@code d = nelz + 2} (1 in 2D). */
    final int w;
    final int h;
    final int d;
    final float[] v;

    private IsoGrid(int w, int h, int d) {
        this.w = w;
        this.h = h;
        this.d = d;
        this.v = new float[Math.multiplyExact(Math.multiplyExact(w, h), d)];
    }

    /** A 2D grid ({@code x} checked by the caller). */
    static IsoGrid of(double[] x, int nelx, int nely, boolean smooth) {
        IsoGrid g = new IsoGrid(nelx + 2, nely + 2, 1);
        for (int elx = 0; elx < nelx; elx++) {
            for (int ely = 0; ely < nely; ely++) {
                g.v[g.index(elx + 1, nely - ely, 0)] = (float) Densities.clamp(x[ely + elx * nely]);
            }
        }
        if (smooth) {
            float[] tmp = new float[g.v.length];
            for (int r = 1; r <= nely; r++) {
                smoothLine(g.v, tmp, g.index(1, r, 0), 1, nelx);
            }
            for (int i = 1; i <= nelx; i++) {
                smoothLine(tmp, g.v, g.index(i, 1, 0), g.w, nely);
            }
        }
        return g;
    }

    /** A 3D grid ({@code x} checked by the caller). */
    static IsoGrid of(double[] x, int nelx, int nely, int nelz, boolean smooth) {
        IsoGrid g = new IsoGrid(nelx + 2, nely + 2, nelz + 2);
        for (int elz = 0; elz < nelz; elz++) {
            for (int elx = 0; elx < nelx; elx++) {
                int from = elx * nely + elz * nelx * nely;
                for (int ely = 0; ely < nely; ely++) {
                    g.v[g.index(elx + 1, nely - ely, elz + 1)] = (float) Densities.clamp(x[from + ely]);
                }
            }
        }
        if (smooth) {
            float[] tmp = new float[g.v.length];
            for (int k = 1; k <= nelz; k++) {
                for (int r = 1; r <= nely; r++) {
                    smoothLine(g.v, tmp, g.index(1, r, k), 1, nelx);
                }
            }
            for (int k = 1; k <= nelz; k++) {
                for (int i = 1; i <= nelx; i++) {
                    smoothLine(tmp, g.v, g.index(i, 1, k), g.w, nely);
                }
            }
            for (int r = 1; r <= nely; r++) {
                for (int i = 1; i <= nelx; i++) {
                    smoothLine(g.v, tmp, g.index(i, r, 1), g.w * g.h, nelz);
                }
            }
            System.arraycopy(tmp, 0, g.v, 0, tmp.length);
        }
        return g;
    }

    /** [1 4 1] / 6 along one line of {@code n} samples, renormalised at the ends. */
    private static void smoothLine(float[] src, float[] dst, int first, int stride, int n) {
        for (int j = 0, s = first; j < n; j++, s += stride) {
            float sum = 4 * src[s];
            int weight = 4;
            if (j > 0) {
                sum += src[s - stride];
                weight++;
            }
            if (j < n - 1) {
                sum += src[s + stride];
                weight++;
            }
            dst[s] = sum / weight;
        }
    }

    int index(int i, int r, int k) {
        return (k * h + r) * w + i;
    }

    boolean inside(int s) {
        return v[s] > ISO;
    }

    /** @return whether no sample is inside: nothing to draw */
    boolean empty() {
        for (float f : v) {
            if (f > ISO) {
                return false;
            }
        }
        return true;
    }

    /** @return where between samples {@code a} and {@code b} (one inside, one not) the values cross {@link #ISO} */
    double t(int a, int b) {
        double t = (ISO - v[a]) / ((double) v[b] - v[a]);
        return t < MIN_T ? MIN_T : t > 1 - MIN_T ? 1 - MIN_T : t;
    }

    double x(int s) {
        return s % w - 0.5;
    }

    double y(int s) {
        return (s / w) % h - 0.5;
    }

    double z(int s) {
        return s / (w * h) - 0.5;
    }
}
