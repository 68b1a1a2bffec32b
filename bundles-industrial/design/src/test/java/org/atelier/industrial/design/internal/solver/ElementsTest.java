package org.atelier.industrial.design.internal.solver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ElementsTest {

    @Test
    void top88ClosedFormQuadEqualsGaussIntegration() {
        double[] closed = Elements.ke2d(0.3);
        double[] integrated = Elements.ke2dIntegrated(0.3);
        for (int i = 0; i < 64; i++) {
            assertThat(integrated[i]).as("KE entry %d", i).isCloseTo(closed[i], within(1e-12));
        }
    }

    @Test
    void hexahedronIsSymmetricPositiveSemidefiniteWithExactlySixRigidModes() {
        double[] ke = Elements.ke3d(0.3);
        int n = 24;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(ke[i * n + j]).isEqualTo(ke[j * n + i]);
            }
        }
        double[][] modes = rigidModes();
        for (double[] r : modes) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += ke[i * n + j] * r[j];
                }
                assertThat(s).as("K r, row %d", i).isCloseTo(0, within(1e-12));
            }
        }
        // K + sum r r' is positive definite: K is semidefinite and its null space is exactly the rigid modes
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = ke[i * n + j];
                for (double[] r : modes) {
                    a[i][j] += r[i] * r[j];
                }
            }
        }
        assertThat(smallestCholeskyPivot(a)).isGreaterThan(1e-3);
    }

    @Test
    void quadHasThreeRigidModesAndIsOtherwisePositiveDefinite() {
        double[] ke = Elements.ke2d(0.3);
        double[][] a = new double[8][8];
        int[][] offsets = StructuredGrid.localNodeGridOffsets(false);
        double[][] modes = new double[3][8];
        for (int k = 0; k < 4; k++) {
            double x = offsets[k][0];
            double y = -offsets[k][1];
            modes[0][2 * k] = 1;
            modes[1][2 * k + 1] = 1;
            modes[2][2 * k] = -y;
            modes[2][2 * k + 1] = x;
        }
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                a[i][j] = ke[i * 8 + j];
                for (double[] r : modes) {
                    a[i][j] += r[i] * r[j];
                }
            }
        }
        assertThat(smallestCholeskyPivot(a)).isGreaterThan(1e-3);
    }

    /** Translations and infinitesimal rotations of the unit cube's 8 nodes (y up). */
    private static double[][] rigidModes() {
        int[][] offsets = StructuredGrid.localNodeGridOffsets(true);
        double[][] modes = new double[6][24];
        for (int k = 0; k < 8; k++) {
            double x = offsets[k][0];
            double y = -offsets[k][1];
            double z = offsets[k][2];
            for (int c = 0; c < 3; c++) {
                modes[c][3 * k + c] = 1;
            }
            double[][] rot = {{0, -z, y}, {z, 0, -x}, {-y, x, 0}};
            for (int m = 0; m < 3; m++) {
                for (int c = 0; c < 3; c++) {
                    modes[3 + m][3 * k + c] = rot[m][c];
                }
            }
        }
        return modes;
    }

    private static double smallestCholeskyPivot(double[][] a) {
        int n = a.length;
        double smallest = Double.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            double d = a[k][k];
            for (int m = 0; m < k; m++) {
                d -= a[k][m] * a[k][m];
            }
            smallest = Math.min(smallest, d);
            if (d <= 0) {
                return d;
            }
            double l = Math.sqrt(d);
            a[k][k] = l;
            for (int i = k + 1; i < n; i++) {
                double s = a[i][k];
                for (int m = 0; m < k; m++) {
                    s -= a[i][m] * a[k][m];
                }
                a[i][k] = s / l;
            }
        }
        return smallest;
    }
}
