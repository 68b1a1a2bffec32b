package org.atelier.industrial.design.internal.solver;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;

import java.util.Arrays;

/**
 * Sparse Cholesky of an {@link ElementOperator} without its excluded dofs, by EJML's up-looking factorisation.
 * The free dofs are numbered by geometric nested dissection of the node grid (EJML brings no fill-reducing ordering);
 * the upper-triangular CSC pattern and each element entry's place in it are computed once, the symbolic analysis is
 * done on the first factorisation and reused after, so each {@link #factor} only adds up values and refactors.
 */
final class DirectSolver {
    private final ElementOperator op;
    private final int[] newIndex;
    private final int[] columnStart;
    private final int[] rows;
    private final int[] elementSlot;
    private final int pairs;
    private final int free;
    private final DMatrixSparseCSC matrix;
    private final CholeskyUpLooking_DSCC cholesky = new CholeskyUpLooking_DSCC();
    private final double[] work;
    private boolean analysed;

    DirectSolver(ElementOperator op, boolean[] excluded) {
        this.op = op;
        StructuredGrid g = op.grid;
        int dim = g.dim();
        newIndex = new int[g.dofCount()];
        Arrays.fill(newIndex, -1);
        int[] order = nestedDissection(g);
        int count = 0;
        for (int n : order) {
            for (int c = 0; c < dim; c++) {
                int dof = n * dim + c;
                if (excluded == null || !excluded[dof]) {
                    newIndex[dof] = count++;
                }
            }
        }
        free = count;
        int[] oldOf = new int[free];
        for (int dof = 0; dof < newIndex.length; dof++) {
            if (newIndex[dof] >= 0) {
                oldOf[newIndex[dof]] = dof;
            }
        }
        // upper-triangular pattern: column j holds rows i <= j of the dofs of j's node and its grid neighbours
        columnStart = new int[free + 1];
        int[] buffer = new int[27 * 3];
        int[][] columns = new int[free][];
        for (int j = 0; j < free; j++) {
            int n = oldOf[j] / dim;
            int x = g.nodeX(n);
            int y = g.nodeY(n);
            int z = g.nodeZ(n);
            int k = 0;
            for (int zz = Math.max(0, z - 1); zz <= Math.min(g.nelz(), z + 1); zz++) {
                for (int xx = Math.max(0, x - 1); xx <= Math.min(g.nelx(), x + 1); xx++) {
                    for (int yy = Math.max(0, y - 1); yy <= Math.min(g.nely(), y + 1); yy++) {
                        int m = g.node(xx, yy, zz);
                        for (int c = 0; c < dim; c++) {
                            int i = newIndex[m * dim + c];
                            if (i >= 0 && i <= j) {
                                buffer[k++] = i;
                            }
                        }
                    }
                }
            }
            columns[j] = Arrays.copyOf(buffer, k);
            Arrays.sort(columns[j]);
            columnStart[j + 1] = columnStart[j] + k;
        }
        rows = new int[columnStart[free]];
        for (int j = 0; j < free; j++) {
            System.arraycopy(columns[j], 0, rows, columnStart[j], columns[j].length);
        }
        int nd = op.nd;
        pairs = nd * (nd + 1) / 2;
        elementSlot = new int[g.elementCount() * pairs];
        int[] dofs = new int[nd];
        for (int e = 0; e < g.elementCount(); e++) {
            op.elementDofs(e, dofs);
            int p = e * pairs;
            for (int a = 0; a < nd; a++) {
                for (int b = a; b < nd; b++) {
                    int ia = newIndex[dofs[a]];
                    int ib = newIndex[dofs[b]];
                    elementSlot[p++] = ia < 0 || ib < 0 ? -1 : slot(Math.min(ia, ib), Math.max(ia, ib));
                }
            }
        }
        matrix = new DMatrixSparseCSC(free, free, rows.length);
        System.arraycopy(columnStart, 0, matrix.col_idx, 0, free + 1);
        System.arraycopy(rows, 0, matrix.nz_rows, 0, rows.length);
        matrix.nz_length = rows.length;
        matrix.indicesSorted = true;
        work = new double[free];
    }

    private int slot(int row, int col) {
        int at = Arrays.binarySearch(rows, columnStart[col], columnStart[col + 1], row);
        if (at < 0) {
            throw new IllegalStateException("no slot for " + row + "," + col);
        }
        return at;
    }

    int freeDofs() {
        return free;
    }

    /** Assembles the current element matrices and factors; a non-positive pivot is a singular structure. */
    void factor(Parallel par) {
        double[] values = matrix.nz_values;
        Arrays.fill(values, 0, rows.length, 0);
        int nd = op.nd;
        double[] shared = op.sharedMatrix();
        double[] all = op.elementMatrices();
        op.forEachElementColored(par, (e, dofs, w) -> {
            int p = e * pairs;
            double s = shared != null ? op.scale(e) : 1;
            double[] m = shared != null ? shared : all;
            int off = shared != null ? 0 : e * nd * nd;
            for (int a = 0; a < nd; a++) {
                for (int b = a; b < nd; b++) {
                    int at = elementSlot[p++];
                    if (at >= 0) {
                        values[at] += s * m[off + a * nd + b];
                    }
                }
            }
        });
        if (free == 0) {
            return;
        }
        if (!cholesky.decompose(matrix) || !positiveDiagonal()) {
            throw new SingularStiffnessException("the stiffness matrix is singular (a non-positive pivot in the "
                    + "Cholesky factorisation): the structure can move freely; add supports to hold it");
        }
        if (!analysed) {
            cholesky.setStructureLocked(true);
            analysed = true;
        }
    }

    private boolean positiveDiagonal() {
        DMatrixSparseCSC l = cholesky.getL();
        for (int j = 0; j < l.numCols; j++) {
            double d = l.nz_values[l.col_idx[j]];
            if (!(d > 0) || Double.isNaN(d) || Double.isInfinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** x = A^-1 b on the free dofs, 0 on the excluded ones. */
    void solve(double[] b, double[] x) {
        for (int dof = 0; dof < newIndex.length; dof++) {
            if (newIndex[dof] >= 0) {
                work[newIndex[dof]] = b[dof];
            }
        }
        if (free > 0) {
            DMatrixSparseCSC l = cholesky.getL();
            TriangularSolver_DSCC.solveL(l, work);
            TriangularSolver_DSCC.solveTranL(l, work);
        }
        for (int dof = 0; dof < newIndex.length; dof++) {
            x[dof] = newIndex[dof] >= 0 ? work[newIndex[dof]] : 0;
        }
    }

    /** Nodes in nested-dissection order: halves first, the separating line (plane) of nodes after them. */
    static int[] nestedDissection(StructuredGrid g) {
        int[] out = new int[g.nodeCount()];
        int[] count = {0};
        dissect(g, 0, g.nelx(), 0, g.nely(), 0, g.nelz(), out, count);
        return out;
    }

    private static void dissect(StructuredGrid g, int x0, int x1, int y0, int y1, int z0, int z1, int[] out,
            int[] count) {
        if (x0 > x1 || y0 > y1 || z0 > z1) {
            return;
        }
        int ex = x1 - x0;
        int ey = y1 - y0;
        int ez = z1 - z0;
        if ((ex + 1) * (ey + 1) * (ez + 1) <= 16) {
            for (int z = z0; z <= z1; z++) {
                for (int x = x0; x <= x1; x++) {
                    for (int y = y0; y <= y1; y++) {
                        out[count[0]++] = g.node(x, y, z);
                    }
                }
            }
            return;
        }
        if (ex >= ey && ex >= ez) {
            int m = (x0 + x1) / 2;
            dissect(g, x0, m - 1, y0, y1, z0, z1, out, count);
            dissect(g, m + 1, x1, y0, y1, z0, z1, out, count);
            dissect(g, m, m, y0, y1, z0, z1, out, count);
        } else if (ey >= ez) {
            int m = (y0 + y1) / 2;
            dissect(g, x0, x1, y0, m - 1, z0, z1, out, count);
            dissect(g, x0, x1, m + 1, y1, z0, z1, out, count);
            dissect(g, x0, x1, m, m, z0, z1, out, count);
        } else {
            int m = (z0 + z1) / 2;
            dissect(g, x0, x1, y0, y1, z0, m - 1, out, count);
            dissect(g, x0, x1, y0, y1, m + 1, z1, out, count);
            dissect(g, x0, x1, y0, y1, m, m, out, count);
        }
    }
}
