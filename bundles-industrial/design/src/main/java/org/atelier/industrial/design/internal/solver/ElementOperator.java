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
        int size = grid.slabSize();
        for (int parity = 0; parity < 2; parity++) {
            int p = parity;
            int count = (slabs - p + 1) / 2;
            par.range(count, 1, (from, to) -> {
                int[] dofs = new int[nd];
                double[] work = new double[2 * nd];
                for (int i = from; i < to; i++) {
                    int slab = 2 * i + p;
                    for (int e = slab * size; e < (slab + 1) * size; e++) {
                        elementDofs(e, dofs);
                        body.element(e, dofs, work);
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
        forEachElementColored(par, (e, dofs, work) -> {
            for (int j = 0; j < nd; j++) {
                work[j] = u[dofs[j]];
            }
            double[] m = sharedKe != null ? sharedKe : ke;
            int off = sharedKe != null ? 0 : e * nn;
            double s = sharedKe != null ? scale[e] : 1;
            for (int i = 0; i < nd; i++) {
                double sum = 0;
                int row = off + i * nd;
                for (int j = 0; j < nd; j++) {
                    sum += m[row + j] * work[j];
                }
                y[dofs[i]] += s * sum;
            }
        });
        if (fixed != null) {
            for (int i = 0; i < y.length; i++) {
                if (fixed[i]) {
                    y[i] = 0;
                }
            }
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
