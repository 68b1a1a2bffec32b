package org.atelier.industrial.design.internal.solver;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SolversTest {

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @CsvSource({
        "cantilever, 40, 20, 0",
        "mbb,        37, 13, 0",
        "cantilever, 8,  4,  4",
        "bridge,     9,  5,  3",
    })
    void multigridCgAndCholeskyGiveTheSameDisplacements(String preset, int nelx, int nely, int nelz) {
        TopologyProblem problem = TopologyPresets.byName(preset, nelx, nely, nelz);
        StructuredGrid g = problem.grid();
        double[] ke = g.is3d() ? Elements.ke3d(0.3) : Elements.ke2d(0.3);
        boolean[] fixed = problem.fixedDofs();
        double[] moduli = new double[g.elementCount()];
        Random random = new Random(7);
        for (int e = 0; e < moduli.length; e++) {
            moduli[e] = 1e-9 + Math.pow(random.nextDouble(), 3);
        }
        double[] f = problem.force(0);
        try (Parallel par = new Parallel(2)) {
            CholeskyStiffnessSolver direct = new CholeskyStiffnessSolver(g, ke, fixed, par);
            MultigridSolver mg = new MultigridSolver(g, ke, fixed, par, 1e-12, 2000, 60);
            assertThat(mg.levels()).as("multigrid levels").isGreaterThanOrEqualTo(2);
            direct.update(moduli);
            mg.update(moduli);
            double[] u1 = new double[g.dofCount()];
            double[] u2 = new double[g.dofCount()];
            direct.solve(f, u1);
            mg.solve(f, u2);
            double c1 = dot(f, u1);
            double c2 = dot(f, u2);
            assertThat(c2).as("compliance").isCloseTo(c1, within(1e-6 * c1));
            double diff = 0;
            for (int i = 0; i < u1.length; i++) {
                diff = Math.max(diff, Math.abs(u1[i] - u2[i]));
            }
            assertThat(diff / maxAbs(u1)).as("largest displacement difference, relative").isLessThan(1e-6);
            for (int i = 0; i < fixed.length; i++) {
                if (fixed[i]) {
                    assertThat(u2[i]).isZero();
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
