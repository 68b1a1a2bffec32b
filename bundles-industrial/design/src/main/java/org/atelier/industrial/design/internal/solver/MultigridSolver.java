package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Conjugate gradients preconditioned by one geometric multigrid V-cycle (Amir, Aage and Lazarov 2014, "On multigrid-CG
 * for efficient topology optimization"; top99neo). Levels halve the element grid (rounding up) until it has at most
 * {@code coarseDofs} dofs; the coarse operators are Galerkin products {@code P'^T K P'} built element by element
 * (a coarse element's matrix is the sum of its children's matrices carried by the bilinear/trilinear prolongation, so
 * no global matrix is ever assembled), where {@code P' = M P} drops the supported fine dofs. Smoothing is damped
 * Jacobi, the coarsest level is solved by {@link DirectSolver}. The finest operator is matrix-free.
 */
final class MultigridSolver implements StiffnessSolver {
    private final Parallel par;
    private final List<ElementOperator> ops = new ArrayList<>();
    private final List<double[]> invDiag = new ArrayList<>();
    private final List<double[]> rhs = new ArrayList<>();
    private final List<double[]> sol = new ArrayList<>();
    private final List<double[]> tmp = new ArrayList<>();
    private final boolean[] fineFixed;
    private final boolean[] fineTouchesFixed;
    private final double[][] q;
    private final int[][][] qColumns;
    private final double[][] qWeights;
    private final double[][] fineKq;
    private DirectSolver coarse;
    private final double tolerance;
    private final int maxIterations;
    /** Jacobi sweeps before and after the coarse correction: 2 in 2D, 1 in 3D (measured the faster in each). */
    private static final int SMOOTHING_2D = 2;
    private static final int SMOOTHING_3D = 1;
    /** The damped Jacobi weight is OMEGA_SCALE / lambda_max(D^-1 A), lambda_max estimated by power iteration. */
    private static final double OMEGA_SCALE = 1.3;
    private final double[] omega;
    private final double[][] eigenvector;
    private final int smoothing;
    private final double[] r;
    private final double[] z;
    private final double[] p;
    private final double[] ap;
    private long iterations;
    /** Updates so far: lambda_max is re-estimated on every fifth (densities change little between two). */
    private int updates;
    private double lastResidual;

    MultigridSolver(StructuredGrid grid, double[] ke, boolean[] fixed, Parallel par, double tolerance,
            int maxIterations, int coarseDofs) {
        this.par = par;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.smoothing = grid.is3d() ? SMOOTHING_3D : SMOOTHING_2D;
        this.fineFixed = fixed;
        ops.add(ElementOperator.shared(grid, ke, fixed));
        StructuredGrid g = grid;
        while (g.dofCount() > coarseDofs) {
            StructuredGrid c = new StructuredGrid((g.nelx() + 1) / 2, (g.nely() + 1) / 2, (g.nelz() + 1) / 2);
            if (c.elementCount() == g.elementCount()) {
                break;
            }
            ops.add(ElementOperator.perElement(c, null));
            g = c;
        }
        omega = new double[ops.size()];
        eigenvector = new double[ops.size()][];
        for (ElementOperator op : ops) {
            int n = op.dofCount();
            invDiag.add(new double[n]);
            rhs.add(new double[n]);
            sol.add(new double[n]);
            tmp.add(new double[n]);
        }
        int nd = grid.elementDofs();
        int positions = grid.is3d() ? 8 : 4;
        q = new double[positions][];
        qColumns = new int[positions][nd][];
        qWeights = new double[positions * nd][];
        fineKq = new double[positions][];
        for (int pos = 0; pos < positions; pos++) {
            q[pos] = prolongation(grid.is3d(), pos);
            for (int j = 0; j < nd; j++) {
                int k = 0;
                int[] idx = new int[nd];
                double[] w = new double[nd];
                for (int i = 0; i < nd; i++) {
                    if (q[pos][i * nd + j] != 0) {
                        idx[k] = i;
                        w[k++] = q[pos][i * nd + j];
                    }
                }
                qColumns[pos][j] = Arrays.copyOf(idx, k);
                qWeights[pos * nd + j] = Arrays.copyOf(w, k);
            }
            fineKq[pos] = new double[nd * nd];
            addGalerkin(pos, ke, 1, fineKq[pos], new double[nd * nd]);
        }
        fineTouchesFixed = new boolean[grid.elementCount()];
        int[] dofs = new int[nd];
        for (int e = 0; e < grid.elementCount(); e++) {
            ops.get(0).elementDofs(e, dofs);
            for (int d : dofs) {
                fineTouchesFixed[e] |= fixed[d];
            }
        }
        r = new double[grid.dofCount()];
        z = new double[grid.dofCount()];
        p = new double[grid.dofCount()];
        ap = new double[grid.dofCount()];
    }

    int levels() {
        return ops.size();
    }

    @Override
    public long innerIterations() {
        return iterations;
    }

    double lastResidual() {
        return lastResidual;
    }

    /**
     * The prolongation of a coarse element to its child at position pos (bits: x, y, z), as a matrix fine element
     * dofs x coarse element dofs.
     */
    static double[] prolongation(boolean threeD, int pos) {
        int[][] off = StructuredGrid.localNodeGridOffsets(threeD);
        int dim = threeD ? 3 : 2;
        int nen = off.length;
        int nd = nen * dim;
        int[] shift = {pos & 1, (pos >> 1) & 1, (pos >> 2) & 1};
        double[] m = new double[nd * nd];
        for (int a = 0; a < nen; a++) {
            for (int b = 0; b < nen; b++) {
                double w = 1;
                for (int k = 0; k < 3; k++) {
                    int f = shift[k] + off[a][k];
                    int c = off[b][k];
                    w *= f == 1 ? 0.5 : f / 2 == c ? 1 : 0;
                }
                for (int c = 0; c < dim; c++) {
                    m[(a * dim + c) * nd + b * dim + c] = w;
                }
            }
        }
        return m;
    }

    /** out += s * Q_pos^T k Q_pos, with t scratch (nd*nd). */
    private void addGalerkin(int pos, double[] k, double s, double[] out, double[] t) {
        int nd = (int) Math.round(Math.sqrt(out.length));
        // t = k Q
        for (int i = 0; i < nd; i++) {
            for (int j = 0; j < nd; j++) {
                int[] idx = qColumns[pos][j];
                double[] w = qWeights[pos * nd + j];
                double sum = 0;
                for (int m = 0; m < idx.length; m++) {
                    sum += k[i * nd + idx[m]] * w[m];
                }
                t[i * nd + j] = sum;
            }
        }
        // out += s Q^T t
        for (int i = 0; i < nd; i++) {
            int[] idx = qColumns[pos][i];
            double[] w = qWeights[pos * nd + i];
            for (int j = 0; j < nd; j++) {
                double sum = 0;
                for (int m = 0; m < idx.length; m++) {
                    sum += w[m] * t[idx[m] * nd + j];
                }
                out[i * nd + j] += s * sum;
            }
        }
    }

    @Override
    public void update(double[] moduli) {
        ops.get(0).setScale(moduli);
        for (int l = 1; l < ops.size(); l++) {
            buildCoarse(ops.get(l - 1), ops.get(l), l == 1);
        }
        for (int l = 0; l < ops.size(); l++) {
            double[] d = invDiag.get(l);
            ops.get(l).diagonal(d, par);
            boolean[] fixed = ops.get(l).fixed();
            for (int i = 0; i < d.length; i++) {
                d[i] = (fixed != null && fixed[i]) || d[i] <= 0 ? 0 : 1 / d[i];
            }
            if (l < ops.size() - 1 && updates % 5 == 0) {
                omega[l] = OMEGA_SCALE / largestEigenvalue(l);
            }
        }
        updates++;
        ElementOperator last = ops.get(ops.size() - 1);
        if (coarse == null) {
            boolean[] excluded;
            if (ops.size() == 1) {
                excluded = fineFixed;
            } else {
                double[] d = invDiag.get(ops.size() - 1);
                excluded = new boolean[d.length];
                for (int i = 0; i < d.length; i++) {
                    excluded[i] = d[i] == 0;
                }
            }
            coarse = new DirectSolver(last, excluded);
        }
        coarse.factor(par);
    }

    /**
     * lambda_max of D^-1 A on level l by a few power iterations, started from the last estimate's vector (the
     * densities change little between updates), times a margin of 1.05 as the power method approaches from below.
     */
    private double largestEigenvalue(int l) {
        ElementOperator a = ops.get(l);
        double[] inv = invDiag.get(l);
        double[] v = eigenvector[l];
        int steps = 6;
        if (v == null) {
            v = new double[inv.length];
            java.util.Random random = new java.util.Random(42);
            for (int i = 0; i < v.length; i++) {
                v[i] = inv[i] == 0 ? 0 : random.nextDouble() - 0.5;
            }
            eigenvector[l] = v;
            steps = 20;
        }
        double[] w = tmp.get(l);
        double lambda = 1;
        for (int k = 0; k < steps; k++) {
            double norm = Math.sqrt(dot(v, v));
            if (norm == 0) {
                return 1;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
            a.apply(v, w, par);
            for (int i = 0; i < v.length; i++) {
                w[i] *= inv[i];
            }
            lambda = dot(v, w);
            System.arraycopy(w, 0, v, 0, v.length);
        }
        return Math.max(lambda, 1e-3) * 1.05;
    }

    private void buildCoarse(ElementOperator fine, ElementOperator coarseOp, boolean fromFinest) {
        StructuredGrid fg = fine.grid;
        StructuredGrid cg = coarseOp.grid;
        int nd = fine.nd;
        int nn = nd * nd;
        double[] out = coarseOp.elementMatrices();
        boolean threeD = fg.is3d();
        int positions = threeD ? 8 : 4;
        double[] shared = fine.sharedMatrix();
        par.range(cg.elementCount(), 64, (from, to) -> {
            double[] child = new double[nn];
            double[] t = new double[nn];
            int[] dofs = new int[nd];
            for (int ce = from; ce < to; ce++) {
                int base = ce * nn;
                Arrays.fill(out, base, base + nn, 0);
                double[] acc = new double[nn];
                int cx = cg.elementX(ce);
                int cy = cg.elementY(ce);
                int cz = cg.elementZ(ce);
                for (int pos = 0; pos < positions; pos++) {
                    int fx = 2 * cx + (pos & 1);
                    int fy = 2 * cy + ((pos >> 1) & 1);
                    int fz = threeD ? 2 * cz + ((pos >> 2) & 1) : 0;
                    if (fx >= fg.nelx() || fy >= fg.nely() || (threeD && fz >= fg.nelz())) {
                        continue;
                    }
                    int fe = fg.element(fx, fy, fz);
                    if (fromFinest && !fineTouchesFixed[fe]) {
                        double s = fine.scale(fe);
                        double[] kq = fineKq[pos];
                        for (int i = 0; i < nn; i++) {
                            acc[i] += s * kq[i];
                        }
                    } else {
                        fine.elementMatrix(fe, child);
                        if (fromFinest) {
                            fine.elementDofs(fe, dofs);
                            for (int a = 0; a < nd; a++) {
                                if (fineFixed[dofs[a]]) {
                                    for (int b = 0; b < nd; b++) {
                                        child[a * nd + b] = 0;
                                        child[b * nd + a] = 0;
                                    }
                                }
                            }
                        }
                        addGalerkin(pos, child, 1, acc, t);
                    }
                }
                System.arraycopy(acc, 0, out, base, nn);
            }
        });
        if (shared == null && fromFinest) {
            throw new IllegalStateException("the finest level is a shared operator");
        }
    }

    @Override
    public void solve(double[] f, double[] u) {
        ElementOperator a = ops.get(0);
        int n = f.length;
        double fNorm = Math.sqrt(dot(f, f));
        if (fNorm == 0) {
            Arrays.fill(u, 0);
            return;
        }
        for (int i = 0; i < n; i++) {
            if (fineFixed[i]) {
                u[i] = 0;
            }
        }
        a.apply(u, ap, par);
        par.range(n, 8192, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                r[i] = fineFixed[i] ? 0 : f[i] - ap[i];
            }
        });
        double rNorm = Math.sqrt(dot(r, r));
        if (rNorm <= tolerance * fNorm) {
            lastResidual = rNorm / fNorm;
            return;
        }
        vcycle(0, r, z);
        System.arraycopy(z, 0, p, 0, n);
        double rz = dot(r, z);
        for (int it = 1; it <= maxIterations; it++) {
            iterations++;
            a.apply(p, ap, par);
            double pap = dot(p, ap);
            if (!(pap > 0)) {
                throw new SingularStiffnessException("the conjugate gradient solver broke down (p'Kp = " + pap
                        + "): the structure can move freely; add supports to hold it");
            }
            double alpha = rz / pap;
            par.range(n, 8192, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    u[i] += alpha * p[i];
                    r[i] -= alpha * ap[i];
                }
            });
            rNorm = Math.sqrt(dot(r, r));
            lastResidual = rNorm / fNorm;
            if (rNorm <= tolerance * fNorm) {
                return;
            }
            vcycle(0, r, z);
            double rzNew = dot(r, z);
            double beta = rzNew / rz;
            rz = rzNew;
            par.range(n, 8192, (lo, hi) -> {
                for (int i = lo; i < hi; i++) {
                    p[i] = z[i] + beta * p[i];
                }
            });
        }
        if (lastResidual > 1e-3) {
            throw new SingularStiffnessException("the multigrid-CG solver did not converge in " + maxIterations
                    + " iterations (relative residual " + lastResidual + "): the structure may move freely; "
                    + "add supports to hold it");
        }
    }

    private double dot(double[] x, double[] y) {
        return par.sum(x.length, 8192, (lo, hi) -> {
            double s = 0;
            for (int i = lo; i < hi; i++) {
                s += x[i] * y[i];
            }
            return s;
        });
    }

    /** z = B r: one V-cycle from level l with zero start. */
    private void vcycle(int l, double[] rl, double[] zl) {
        if (l == ops.size() - 1) {
            coarse.solve(rl, zl);
            return;
        }
        ElementOperator a = ops.get(l);
        double[] inv = invDiag.get(l);
        double[] t = tmp.get(l);
        int n = rl.length;
        double w = omega[l];
        par.range(n, 8192, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                zl[i] = w * inv[i] * rl[i];
            }
        });
        for (int s = 1; s < smoothing; s++) {
            jacobi(a, inv, rl, zl, t, w);
        }
        a.apply(zl, t, par);
        par.range(n, 8192, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                t[i] = inv[i] == 0 ? 0 : rl[i] - t[i];
            }
        });
        double[] rc = rhs.get(l + 1);
        double[] zc = sol.get(l + 1);
        restrict(a.grid, ops.get(l + 1).grid, t, rc);
        vcycle(l + 1, rc, zc);
        prolongAdd(ops.get(l + 1).grid, a.grid, zc, zl, inv);
        for (int s = 0; s < smoothing; s++) {
            jacobi(a, inv, rl, zl, t, w);
        }
    }

    private void jacobi(ElementOperator a, double[] inv, double[] rl, double[] zl, double[] t, double w) {
        a.apply(zl, t, par);
        par.range(rl.length, 8192, (lo, hi) -> {
            for (int i = lo; i < hi; i++) {
                zl[i] += w * inv[i] * (rl[i] - t[i]);
            }
        });
    }

    /** rc = P^T rf, one coarse node column (x, z) per task, without index divisions. */
    private void restrict(StructuredGrid fg, StructuredGrid cg, double[] rf, double[] rc) {
        int dim = fg.dim();
        int fnx = fg.nelx();
        int fny = fg.nely();
        int fnz = fg.nelz();
        int cny = cg.nely();
        int fsx = fny + 1;
        int fsz = (fnx + 1) * (fny + 1);
        int columns = (cg.nelx() + 1) * (cg.nelz() + 1);
        par.range(columns, 16, (lo, hi) -> {
            double[] s = new double[3];
            for (int col = lo; col < hi; col++) {
                int cx = col % (cg.nelx() + 1);
                int cz = col / (cg.nelx() + 1);
                for (int cy = 0; cy <= cny; cy++) {
                    s[0] = 0;
                    s[1] = 0;
                    s[2] = 0;
                    for (int fz = Math.max(0, 2 * cz - 1); fz <= Math.min(fnz, 2 * cz + 1); fz++) {
                        double wz = fz == 2 * cz ? 1 : 0.5;
                        for (int fx = Math.max(0, 2 * cx - 1); fx <= Math.min(fnx, 2 * cx + 1); fx++) {
                            double wx = wz * (fx == 2 * cx ? 1 : 0.5);
                            int colBase = fx * fsx + fz * fsz;
                            for (int fy = Math.max(0, 2 * cy - 1); fy <= Math.min(fny, 2 * cy + 1); fy++) {
                                double w = wx * (fy == 2 * cy ? 1 : 0.5);
                                int fn = (colBase + fy) * dim;
                                for (int c = 0; c < dim; c++) {
                                    s[c] += w * rf[fn + c];
                                }
                            }
                        }
                    }
                    int cn = cg.node(cx, cy, cz) * dim;
                    for (int c = 0; c < dim; c++) {
                        rc[cn + c] = s[c];
                    }
                }
            }
        });
    }

    /** zf += P zc on the dofs with a non-zero inverse diagonal (the others stay zero), a fine column per task. */
    private void prolongAdd(StructuredGrid cg, StructuredGrid fg, double[] zc, double[] zf, double[] inv) {
        int dim = fg.dim();
        int fny = fg.nely();
        int csx = cg.nely() + 1;
        int csz = (cg.nelx() + 1) * (cg.nely() + 1);
        int columns = (fg.nelx() + 1) * (fg.nelz() + 1);
        par.range(columns, 16, (lo, hi) -> {
            for (int col = lo; col < hi; col++) {
                int fx = col % (fg.nelx() + 1);
                int fz = col / (fg.nelx() + 1);
                double wz = fz % 2 == 0 ? 1 : 0.5;
                double wx = wz * (fx % 2 == 0 ? 1 : 0.5);
                for (int fy = 0; fy <= fny; fy++) {
                    int fn = fg.node(fx, fy, fz) * dim;
                    double w = wx * (fy % 2 == 0 ? 1 : 0.5);
                    for (int c = 0; c < dim; c++) {
                        if (inv[fn + c] == 0) {
                            continue;
                        }
                        double s = 0;
                        for (int cz = fz / 2; cz <= (fz + 1) / 2; cz++) {
                            for (int cx = fx / 2; cx <= (fx + 1) / 2; cx++) {
                                int base = cx * csx + cz * csz;
                                for (int cy = fy / 2; cy <= (fy + 1) / 2; cy++) {
                                    s += zc[(base + cy) * dim + c];
                                }
                            }
                        }
                        zf[fn + c] += w * s;
                    }
                }
            }
        });
    }
}
