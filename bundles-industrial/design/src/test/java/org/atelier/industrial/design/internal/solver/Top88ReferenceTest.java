package org.atelier.industrial.design.internal.solver;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The half MBB beam with the sensitivity filter and OC reproduces top88 (Andreassen et al. 2011). Reference designs:
 * final densities of MATLAB {@code top88(...)} from JuliaTopOpt/SimpleTopOpt.jl {@code test/mat_cases/} (MIT), as kept
 * in the shared data set {@code topopt/} (see the README beside the CSVs); compliances and iteration counts measured
 * with the shared {@code tools/top88.py}, which reproduces those designs to 5e-11.
 */
class Top88ReferenceTest {

    @ParameterizedTest(name = "top88({0},{1},{2},{3},{4},1): c = {5} after {6} iterations")
    @CsvSource({
        "60, 20, 0.5, 3, 1.5, 203.1925, 94, ",
        "60, 40, 0.4, 3, 2,   57.8525,  81, top88_60_40_04_3_2_1.csv",
        "30, 30, 0.4, 3, 2,   30.6101,  46, top88_30_30_04_3_2_1.csv",
    })
    void reproducesTop88(int nelx, int nely, double volfrac, double penal, double rmin, double compliance,
            int iterations, String reference) throws IOException {
        TopologyResult result = TopologyOptimizer.run(TopologyPresets.mbb(nelx, nely, 0),
                TopologyParameters.top88(volfrac, penal, rmin, 1), null, null);

        assertThat(result.solver()).isEqualTo("cholesky");
        assertThat(result.iterations()).isEqualTo(iterations);
        assertThat(result.stopReason()).isEqualTo(StopReason.CONVERGED);
        assertThat(result.compliance()).isCloseTo(compliance, within(compliance * 1e-3));
        assertThat(result.volume()).isCloseTo(volfrac, within(1e-3));
        if (reference != null) {
            double[][] expected = readCsv(reference);
            assertThat(expected).hasNumberOfRows(nely);
            for (int row = 0; row < nely; row++) {
                for (int col = 0; col < nelx; col++) {
                    assertThat(result.density(col, row, 0)).as("density of element x=%d y=%d", col, row)
                            .isCloseTo(expected[row][col], within(1e-3));
                }
            }
        }
    }

    static double[][] readCsv(String name) throws IOException {
        try (InputStream in = Top88ReferenceTest.class.getResourceAsStream(name);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<double[]> rows = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(",");
                    double[] row = new double[cells.length];
                    for (int i = 0; i < cells.length; i++) {
                        row[i] = Double.parseDouble(cells[i].trim());
                    }
                    rows.add(row);
                }
            }
            return rows.toArray(double[][]::new);
        }
    }
}
