package org.atelier.industrial.design.internal.solver;

/**
 * Element stiffness matrices of unit elements for Young's modulus 1, in the local node order of
 * {@link StructuredGrid} and dofs (x, y[, z]) per node, row-major.
 */
final class Elements {
    private Elements() {
    }

    /** The bilinear plane-stress quadrilateral exactly as top88 writes it (closed form). */
    static double[] ke2d(double nu) {
        double[][] a11 = {{12, 3, -6, -3}, {3, 12, 3, 0}, {-6, 3, 12, -3}, {-3, 0, -3, 12}};
        double[][] a12 = {{-6, -3, 0, 3}, {-3, -6, -3, -6}, {0, -3, -6, 3}, {3, -6, 3, -6}};
        double[][] b11 = {{-4, 3, -2, 9}, {3, -4, -9, 4}, {-2, -9, -4, -3}, {9, 4, -3, -4}};
        double[][] b12 = {{2, -3, 4, -9}, {-3, 2, 9, -2}, {4, 9, 2, 3}, {-9, -2, 3, 2}};
        double[] ke = new double[64];
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                ke[i * 8 + j] = 1 / (1 - nu * nu) / 24 * (block(a11, a12, i, j) + nu * block(b11, b12, i, j));
            }
        }
        return ke;
    }

    /** [[m11, m12], [m12', m11]] at (i, j). */
    private static double block(double[][] m11, double[][] m12, int i, int j) {
        if (i < 4 && j < 4) {
            return m11[i][j];
        } else if (i < 4) {
            return m12[i][j - 4];
        } else if (j < 4) {
            return m12[j][i - 4];
        }
        return m11[i - 4][j - 4];
    }

    /** The plane-stress quadrilateral by 2x2 Gauss integration (the same matrix as {@link #ke2d}; for the tests). */
    static double[] ke2dIntegrated(double nu) {
        double c = 1 / (1 - nu * nu);
        double[][] d = {{c, c * nu, 0}, {c * nu, c, 0}, {0, 0, c * (1 - nu) / 2}};
        return integrate(false, d);
    }

    /** The trilinear hexahedron (unit cube, isotropic, E = 1) by 2x2x2 Gauss integration, which is exact here. */
    static double[] ke3d(double nu) {
        double lambda = nu / ((1 + nu) * (1 - 2 * nu));
        double mu = 1 / (2 * (1 + nu));
        double[][] d = new double[6][6];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                d[i][j] = lambda + (i == j ? 2 * mu : 0);
            }
            d[i + 3][i + 3] = mu;
        }
        return integrate(true, d);
    }

    /** Integrates B'DB over the unit element; natural coordinates per node from the grid offsets (y up). */
    private static double[] integrate(boolean threeD, double[][] d) {
        int[][] offsets = StructuredGrid.localNodeGridOffsets(threeD);
        int nen = offsets.length;
        int dim = threeD ? 3 : 2;
        int nd = nen * dim;
        int strains = threeD ? 6 : 3;
        double[][] xi = new double[nen][3];
        for (int a = 0; a < nen; a++) {
            xi[a][0] = 2 * offsets[a][0] - 1;
            xi[a][1] = 1 - 2 * offsets[a][1];
            xi[a][2] = 2 * offsets[a][2] - 1;
        }
        double g = 1 / Math.sqrt(3);
        double[] ke = new double[nd * nd];
        int gz = threeD ? 2 : 1;
        for (int p = 0; p < 2; p++) {
            for (int q = 0; q < 2; q++) {
                for (int r = 0; r < gz; r++) {
                    double[] pt = {p == 0 ? -g : g, q == 0 ? -g : g, r == 0 ? -g : g};
                    // dN/dx = 2 dN/dxi on a unit element; the Jacobian determinant is (1/2)^dim
                    double[][] grad = new double[nen][dim];
                    for (int a = 0; a < nen; a++) {
                        for (int k = 0; k < dim; k++) {
                            double v = 2 * xi[a][k] / 2;
                            for (int m = 0; m < dim; m++) {
                                if (m != k) {
                                    v *= (1 + xi[a][m] * pt[m]) / 2;
                                }
                            }
                            grad[a][k] = v;
                        }
                    }
                    double[][] b = new double[strains][nd];
                    for (int a = 0; a < nen; a++) {
                        if (threeD) {
                            b[0][3 * a] = grad[a][0];
                            b[1][3 * a + 1] = grad[a][1];
                            b[2][3 * a + 2] = grad[a][2];
                            b[3][3 * a] = grad[a][1];
                            b[3][3 * a + 1] = grad[a][0];
                            b[4][3 * a + 1] = grad[a][2];
                            b[4][3 * a + 2] = grad[a][1];
                            b[5][3 * a] = grad[a][2];
                            b[5][3 * a + 2] = grad[a][0];
                        } else {
                            b[0][2 * a] = grad[a][0];
                            b[1][2 * a + 1] = grad[a][1];
                            b[2][2 * a] = grad[a][1];
                            b[2][2 * a + 1] = grad[a][0];
                        }
                    }
                    double weight = Math.pow(0.5, dim);
                    for (int i = 0; i < nd; i++) {
                        for (int j = 0; j < nd; j++) {
                            double s = 0;
                            for (int k = 0; k < strains; k++) {
                                for (int m = 0; m < strains; m++) {
                                    s += b[k][i] * d[k][m] * b[m][j];
                                }
                            }
                            ke[i * nd + j] += weight * s;
                        }
                    }
                }
            }
        }
        // exact symmetry, whatever the rounding of the sums
        for (int i = 0; i < nd; i++) {
            for (int j = 0; j < i; j++) {
                double s = (ke[i * nd + j] + ke[j * nd + i]) / 2;
                ke[i * nd + j] = s;
                ke[j * nd + i] = s;
            }
        }
        return ke;
    }
}
