package org.atelier.industrial.design.internal.solver;

import java.util.Arrays;

/**
 * A stiffness matrix kept as its element matrices, never assembled: either one shared matrix times a scale per
 * element (the finest level: {@code E(x_e) * KE}) or one matrix per element (the Galerkin coarse levels). Dofs
 * marked {@code fixed} have their rows and columns removed: products are zero there.
 */
final class ElementOperator {
    final StructuredGrid grid;
    /** Dofs per element. */
    final int nd;
    private final double[] sharedKe;
    private final double[] scale;
    private final double[] ke;
    private final boolean[] fixed;
    private final int[] offsets;
    private final int dim;

    private ElementOperator(StructuredGrid grid, double[] sharedKe, boolean[] fixed) {
        this.grid = grid;
        this.nd = grid.elementDofs();
        this.sharedKe = sharedKe;
        this.scale = sharedKe == null ? null : new double[grid.elementCount()];
        this.ke = sharedKe == null ? new double[grid.elementCount() * nd * nd] : null;
        this.fixed = fixed;
        this.offsets = grid.localNodeOffsets();
        this.dim = grid.dim();
    }

    /** {@code sum_e scale_e * ke}: set the scales with {@link #setScale}. */
    static ElementOperator shared(StructuredGrid grid, double[] ke, boolean[] fixed) {
        return new ElementOperator(grid, ke, fixed);
    }

    /** One matrix per element, filled through {@link #elementMatrices()}. */
    static ElementOperator perElement(StructuredGrid grid, boolean[] fixed) {
        return new ElementOperator(grid, null, fixed);
    }

    boolean isShared() {
        return sharedKe != null;
    }

    void setScale(double[] s) {
        System.arraycopy(s, 0, scale, 0, scale.length);
    }

    double scale(int e) {
        return scale[e];
    }

    double[] sharedMatrix() {
        return sharedKe;
    }

    /** Per-element matrices, element e at offset {@code e*nd*nd}; null for a shared operator. */
    double[] elementMatrices() {
        return ke;
    }

    boolean[] fixed() {
        return fixed;
    }

    int dofCount() {
        return grid.dofCount();
    }

    /** Writes element e's matrix (with fixed rows and columns as they are: the caller masks) into out. */
    void elementMatrix(int e, double[] out) {
        int nn = nd * nd;
        if (sharedKe != null) {
            double s = scale[e];
            for (int i = 0; i < nn; i++) {
                out[i] = s * sharedKe[i];
            }
        } else {
            System.arraycopy(ke, e * nn, out, 0, nn);
        }
    }

    void elementDofs(int e, int[] out) {
        int base = grid.baseNode(e);
        for (int a = 0; a < offsets.length; a++) {
            int n = (base + offsets[a]) * dim;
            for (int c = 0; c < dim; c++) {
                out[a * dim + c] = n + c;
            }
        }
    }

    /**
     * Runs body over all elements, slab by slab: first the even slabs in parallel, then the odd ones. Elements of two
     * slabs of the same parity share no node, so bodies may add into node-indexed arrays without locks.
     */
    void forEachElementColored(Parallel par, ElementBody body) {
        int slabs = grid.slabCount();
        boolean threeD = grid.is3d();
        int nelx = grid.nelx();
        int nely = grid.nely();
        int sx = nely + 1;
        int sz = (grid.nelx() + 1) * (nely + 1);
        int nen = offsets.length;
        for (int parity = 0; parity < 2; parity++) {
            int p = parity;
            int count = (slabs - p + 1) / 2;
            par.range(count, 1, (from, to) -> {
                int[] dofs = new int[nd];
                double[] work = new double[2 * nd];
                for (int i = from; i < to; i++) {
                    int slab = 2 * i + p;
                    int xFrom = threeD ? 0 : slab;
                    int xTo = threeD ? nelx : slab + 1;
                    int zOff = threeD ? slab * sz : 0;
                    int eOff = threeD ? slab * nelx * nely : 0;
                    for (int ex = xFrom; ex < xTo; ex++) {
                        for (int ey = 0; ey < nely; ey++) {
                            int base = ey + ex * sx + zOff;
                            for (int a = 0; a < nen; a++) {
                                int n = (base + offsets[a]) * dim;
                                for (int c = 0; c < dim; c++) {
                                    dofs[a * dim + c] = n + c;
                                }
                            }
                            body.element(eOff + ey + ex * nely, dofs, work);
                        }
                    }
                }
            });
        }
    }

    /** What {@link #forEachElementColored} runs per element; work is scratch of length 2*nd. */
    @FunctionalInterface
    interface ElementBody {
        void element(int e, int[] dofs, double[] work);
    }

    /** y = A u (u is expected zero at fixed dofs; y is zero there). */
    void apply(double[] u, double[] y, Parallel par) {
        Arrays.fill(y, 0);
        int nn = nd * nd;
        int n = nd;
        if (n == 24) {
            boolean shared = sharedKe != null;
            double[] m = shared ? sharedKe : ke;
            double[] sc = scale;
            forEachElementColored(par, (e, dofs, work) ->
                    Hex8Kernel.apply(m, shared ? 0 : e * nn, shared ? sc[e] : 1, u, y, dofs));
        } else if (n == 8) {
            apply2d(u, y, par);
        } else {
            // column form: acc += KE[:, j] u_j, a contiguous axpy the JIT can vectorise (KE is symmetric)
            boolean shared = sharedKe != null;
            double[] m = shared ? sharedKe : ke;
            double[] sc = scale;
            forEachElementColored(par, (e, dofs, work) -> {
                int off = shared ? 0 : e * nn;
                for (int i = 0; i < n; i++) {
                    work[n + i] = 0;
                }
                for (int j = 0; j < n; j++) {
                    double uj = u[dofs[j]];
                    int col = off + j * n;
                    for (int i = 0; i < n; i++) {
                        work[n + i] += m[col + i] * uj;
                    }
                }
                double s = shared ? sc[e] : 1;
                for (int i = 0; i < n; i++) {
                    y[dofs[i]] += s * work[n + i];
                }
            });
        }
        if (fixed != null) {
            for (int i = 0; i < y.length; i++) {
                if (fixed[i]) {
                    y[i] = 0;
                }
            }
        }
    }

    /**
     * The 2D product, written out for speed: a column of elements at a time, the element's 8 dofs being
     * two nodes of column x and two of column x+1, consecutive in memory; KE's 64 entries held in locals.
     */
    private void apply2d(double[] u, double[] y, Parallel par) {
        int nelx = grid.nelx();
        int nely = grid.nely();
        boolean shared = sharedKe != null;
        double[] k = shared ? sharedKe : ke;
        double[] sc = scale;
        for (int parity = 0; parity < 2; parity++) {
            int p = parity;
            par.range((nelx - p + 1) / 2, 1, (from, to) -> {
                double[] m = shared ? k.clone() : k;
                for (int i = from; i < to; i++) {
                    int ex = 2 * i + p;
                    int left = 2 * ex * (nely + 1);
                    int right = left + 2 * (nely + 1);
                    int eBase = ex * nely;
                    for (int ey = 0; ey < nely; ey++) {
                        // local order: bottom-left (ey+1, ex), bottom-right (ey+1, ex+1), top-right, top-left
                        int tl = left + 2 * ey;
                        int tr = right + 2 * ey;
                        double u0 = u[tl + 2];
                        double u1 = u[tl + 3];
                        double u2 = u[tr + 2];
                        double u3 = u[tr + 3];
                        double u4 = u[tr];
                        double u5 = u[tr + 1];
                        double u6 = u[tl];
                        double u7 = u[tl + 1];
                        double s = shared ? sc[eBase + ey] : 1;
                        int o = shared ? 0 : (eBase + ey) * 64;
                        y[tl + 2] += s * (m[o] * u0 + m[o + 1] * u1 + m[o + 2] * u2 + m[o + 3] * u3 + m[o + 4] * u4 + m[o + 5] * u5
                                + m[o + 6] * u6 + m[o + 7] * u7);
                        y[tl + 3] += s * (m[o + 8] * u0 + m[o + 9] * u1 + m[o + 10] * u2 + m[o + 11] * u3 + m[o + 12] * u4
                                + m[o + 13] * u5 + m[o + 14] * u6 + m[o + 15] * u7);
                        y[tr + 2] += s * (m[o + 16] * u0 + m[o + 17] * u1 + m[o + 18] * u2 + m[o + 19] * u3 + m[o + 20] * u4
                                + m[o + 21] * u5 + m[o + 22] * u6 + m[o + 23] * u7);
                        y[tr + 3] += s * (m[o + 24] * u0 + m[o + 25] * u1 + m[o + 26] * u2 + m[o + 27] * u3 + m[o + 28] * u4
                                + m[o + 29] * u5 + m[o + 30] * u6 + m[o + 31] * u7);
                        y[tr] += s * (m[o + 32] * u0 + m[o + 33] * u1 + m[o + 34] * u2 + m[o + 35] * u3 + m[o + 36] * u4
                                + m[o + 37] * u5 + m[o + 38] * u6 + m[o + 39] * u7);
                        y[tr + 1] += s * (m[o + 40] * u0 + m[o + 41] * u1 + m[o + 42] * u2 + m[o + 43] * u3 + m[o + 44] * u4
                                + m[o + 45] * u5 + m[o + 46] * u6 + m[o + 47] * u7);
                        y[tl] += s * (m[o + 48] * u0 + m[o + 49] * u1 + m[o + 50] * u2 + m[o + 51] * u3 + m[o + 52] * u4
                                + m[o + 53] * u5 + m[o + 54] * u6 + m[o + 55] * u7);
                        y[tl + 1] += s * (m[o + 56] * u0 + m[o + 57] * u1 + m[o + 58] * u2 + m[o + 59] * u3 + m[o + 60] * u4
                                + m[o + 61] * u5 + m[o + 62] * u6 + m[o + 63] * u7);
                    }
                }
            });
        }
    }

    /** The diagonal of A (1 at fixed dofs, so that it can be inverted). */
    void diagonal(double[] diag, Parallel par) {
        Arrays.fill(diag, 0);
        int nn = nd * nd;
        forEachElementColored(par, (e, dofs, work) -> {
            for (int i = 0; i < nd; i++) {
                diag[dofs[i]] += sharedKe != null ? scale[e] * sharedKe[i * nd + i] : ke[e * nn + i * nd + i];
            }
        });
        if (fixed != null) {
            for (int i = 0; i < diag.length; i++) {
                if (fixed[i]) {
                    diag[i] = 1;
                }
            }
        }
    }
}
