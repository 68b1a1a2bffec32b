package org.atelier.industrial.design.internal.solver;

/** The linear solver: {@code AUTO} takes Cholesky up to the direct dof limit, multigrid-CG above. */
public enum SolverType {
    AUTO, CHOLESKY, MULTIGRID
}
