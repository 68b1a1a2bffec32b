package org.atelier.industrial.design.internal.solver;

/**
 * top88's filter matrix H, applied as a convolution instead of stored: {@code H(e, f) = max(0, rmin - dist(e, f))}
 * for elements f within {@code ceil(rmin) - 1} elements of e in each direction and inside the mesh; H is symmetric,
 * {@code Hs} its row sums.
 */
final class DensityFilter {
    private final StructuredGrid grid;
    private final int r;
    private final double[] weights;
    private final double[] hs;

    DensityFilter(StructuredGrid grid, double rmin, Parallel par) {
        this.grid = grid;
        this.r = (int) Math.ceil(rmin) - 1;
        int w = 2 * r + 1;
        int rz = grid.is3d() ? r : 0;
        weights = new double[w * w * (2 * rz + 1)];
        for (int dz = -rz; dz <= rz; dz++) {
            for (int dx = -r; dx <= r; dx++) {
                for (int dy = -r; dy <= r; dy++) {
                    weights[index(dx, dy, dz)] = Math.max(0, rmin - Math.sqrt(dx * dx + dy * dy + dz * dz));
                }
            }
        }
        double[] ones = new double[grid.elementCount()];
        java.util.Arrays.fill(ones, 1);
        hs = new double[ones.length];
        apply(ones, hs, par);
    }

    private int index(int dx, int dy, int dz) {
        int w = 2 * r + 1;
        return (dy + r) + w * ((dx + r) + w * (dz + (grid.is3d() ? r : 0)));
    }

    double[] hs() {
        return hs;
    }

    /**
     * out = H in, one output column (fixed x, z) at a time: for every offset (dx, dz, dy) the column of in shifted
     * by dy is added with its weight, a contiguous sweep over y.
     */
    void apply(double[] in, double[] out, Parallel par) {
        int nelx = grid.nelx();
        int nely = grid.nely();
        int nelz = Math.max(1, grid.nelz());
        int rz = grid.is3d() ? r : 0;
        par.range(nelx * nelz, 4, (from, to) -> {
            for (int col = from; col < to; col++) {
                int ex = col % nelx;
                int ez = col / nelx;
                int oBase = ex * nely + ez * nelx * nely;
                java.util.Arrays.fill(out, oBase, oBase + nely, 0);
                for (int z = Math.max(ez - rz, 0); z <= Math.min(ez + rz, nelz - 1); z++) {
                    for (int x = Math.max(ex - r, 0); x <= Math.min(ex + r, nelx - 1); x++) {
                        int iBase = x * nely + z * nelx * nely;
                        for (int dy = -r; dy <= r; dy++) {
                            double w = weights[index(x - ex, dy, z - ez)];
                            if (w == 0) {
                                continue;
                            }
                            int y0 = Math.max(0, -dy);
                            int y1 = Math.min(nely, nely - dy);
                            int o = oBase;
                            int i = iBase + dy;
                            for (int y = y0; y < y1; y++) {
                                out[o + y] += w * in[i + y];
                            }
                        }
                    }
                }
            }
        });
    }
}
