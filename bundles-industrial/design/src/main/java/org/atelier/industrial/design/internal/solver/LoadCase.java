package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.List;

/** The forces of one load case; the objective adds the compliances of all cases. */
public record LoadCase(List<PointLoad> loads) {
    public LoadCase {
        loads = List.copyOf(loads);
    }

    public static LoadCase of(PointLoad... loads) {
        return new LoadCase(List.of(loads));
    }

    /**
     * A uniform load of the given total force over the nodes of a box of node coordinates (an edge or face): the
     * consistent nodal forces of bilinear elements, half weight at the ends of each direction the box spans.
     */
    public static LoadCase distributed(StructuredGrid grid, int x0, int x1, int y0, int y1, int z0, int z1,
            double fx, double fy, double fz) {
        int[] nodes = grid.nodes(x0, x1, y0, y1, z0, z1);
        double[] w = new double[nodes.length];
        double total = 0;
        for (int i = 0; i < nodes.length; i++) {
            int n = nodes[i];
            w[i] = end(grid.nodeX(n), x0, Math.min(x1, grid.nelx())) * end(grid.nodeY(n), y0, Math.min(y1, grid.nely()))
                    * end(grid.nodeZ(n), z0, Math.min(z1, grid.nelz()));
            total += w[i];
        }
        List<PointLoad> loads = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            double s = w[i] / total;
            loads.add(new PointLoad(nodes[i], s * fx, s * fy, s * fz));
        }
        return new LoadCase(loads);
    }

    private static double end(int v, int lo, int hi) {
        return lo == hi ? 1 : v == Math.max(lo, 0) || v == hi ? 0.5 : 1;
    }
}
