package org.atelier.industrial.design.internal.solver;

/** The sparse direct solver: one Cholesky factorisation per update, two triangular solves per load case. */
final class CholeskyStiffnessSolver implements StiffnessSolver {
    private final ElementOperator op;
    private final DirectSolver direct;
    private final Parallel par;

    CholeskyStiffnessSolver(StructuredGrid grid, double[] ke, boolean[] fixed, Parallel par) {
        this.op = ElementOperator.shared(grid, ke, fixed);
        this.direct = new DirectSolver(op, fixed);
        this.par = par;
    }

    @Override
    public void update(double[] moduli) {
        op.setScale(moduli);
        direct.factor(par);
    }

    @Override
    public void solve(double[] f, double[] u) {
        direct.solve(f, u);
    }
}
