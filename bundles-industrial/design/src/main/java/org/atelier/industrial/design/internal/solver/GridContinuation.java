package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grid continuation helpers: a problem on the grid of half the size (node coordinates halved) and the interpolation
 * of a coarse design onto the fine grid.
 */
final class GridContinuation {
    private GridContinuation() {
    }

    /** Whether the grid can be halved: every size even (and at least 2). */
    static boolean halvable(StructuredGrid g) {
        return g.nelx() % 2 == 0 && g.nely() % 2 == 0 && g.nelx() >= 2 && g.nely() >= 2
                && (!g.is3d() || (g.nelz() % 2 == 0 && g.nelz() >= 2));
    }

    /**
     * The same problem on the grid with half the elements along each axis. A fine node at an odd coordinate lies
     * between two coarse nodes: its force is split between them (total force kept), its support fixes both. A coarse
     * element is passive solid when at least half its children are, else passive void when at least half are.
     */
    static TopologyProblem coarsen(TopologyProblem fine) {
        StructuredGrid f = fine.grid();
        StructuredGrid c = new StructuredGrid(f.nelx() / 2, f.nely() / 2, f.nelz() / 2);
        TopologyProblem.Builder b = f.is3d() ? TopologyProblem.builder(c.nelx(), c.nely(), c.nelz())
                : TopologyProblem.builder(c.nelx(), c.nely());
        b.material(fine.material());
        for (LoadCase lc : fine.loadCases()) {
            List<PointLoad> loads = new ArrayList<>();
            for (PointLoad p : lc.loads()) {
                int[][] targets = targets(f, c, p.node());
                for (int[] t : targets) {
                    double w = 1.0 / targets.length;
                    loads.add(new PointLoad(t[0], w * p.fx(), w * p.fy(), w * p.fz()));
                }
            }
            b.loadCase(new LoadCase(loads));
        }
        Map<Integer, boolean[]> fixed = new LinkedHashMap<>();
        for (Support s : fine.supports()) {
            for (int[] t : targets(f, c, s.node())) {
                boolean[] v = fixed.computeIfAbsent(t[0], k -> new boolean[3]);
                v[0] |= s.x();
                v[1] |= s.y();
                v[2] |= s.z();
            }
        }
        fixed.forEach((n, v) -> b.support(new Support(n, v[0], v[1], v[2])));
        int[] solid = new int[c.elementCount()];
        int[] hollow = new int[c.elementCount()];
        for (int e : fine.passiveSolid()) {
            solid[parent(f, c, e)]++;
        }
        for (int e : fine.passiveVoid()) {
            hollow[parent(f, c, e)]++;
        }
        int half = f.is3d() ? 4 : 2;
        for (int e = 0; e < solid.length; e++) {
            if (solid[e] >= half) {
                b.passiveSolid(e);
            } else if (hollow[e] >= half) {
                b.passiveVoid(e);
            }
        }
        fine.symmetries().forEach(b::symmetry);
        return b.build();
    }

    /** The coarse nodes a fine node maps to: one per axis at an even coordinate, two at an odd one. */
    private static int[][] targets(StructuredGrid f, StructuredGrid c, int node) {
        int[] xs = axis(f.nodeX(node));
        int[] ys = axis(f.nodeY(node));
        int[] zs = f.is3d() ? axis(f.nodeZ(node)) : new int[] {0};
        int[][] out = new int[xs.length * ys.length * zs.length][];
        int i = 0;
        for (int x : xs) {
            for (int y : ys) {
                for (int z : zs) {
                    out[i++] = new int[] {c.node(x, y, z)};
                }
            }
        }
        return out;
    }

    private static int[] axis(int v) {
        return v % 2 == 0 ? new int[] {v / 2} : new int[] {v / 2, v / 2 + 1};
    }

    private static int parent(StructuredGrid f, StructuredGrid c, int e) {
        int z = f.is3d() ? f.elementZ(e) / 2 : 0;
        return c.element(f.elementX(e) / 2, f.elementY(e) / 2, z);
    }

    /**
     * A coarse element field on the fine grid: multilinear interpolation between coarse element centres (constant
     * beyond the outermost centres).
     */
    static double[] prolong(StructuredGrid c, double[] coarse, StructuredGrid f) {
        double[] out = new double[f.elementCount()];
        int nz = Math.max(1, f.nelz());
        for (int ez = 0; ez < nz; ez++) {
            double[] wz = weights(ez, c.is3d() ? c.nelz() : 1);
            for (int ex = 0; ex < f.nelx(); ex++) {
                double[] wx = weights(ex, c.nelx());
                for (int ey = 0; ey < f.nely(); ey++) {
                    double[] wy = weights(ey, c.nely());
                    double v = 0;
                    for (int a = 0; a < 2; a++) {
                        for (int bb = 0; bb < 2; bb++) {
                            for (int k = 0; k < 2; k++) {
                                double w = wx[2 + a] * wy[2 + bb] * wz[2 + k];
                                if (w != 0) {
                                    v += w * coarse[c.element((int) wx[a], (int) wy[bb], (int) wz[k])];
                                }
                            }
                        }
                    }
                    out[f.element(ex, ey, ez)] = v;
                }
            }
        }
        return out;
    }

    /** {i0, i1, w0, w1}: the coarse cells either side of fine cell i's centre and their weights. */
    private static double[] weights(int i, int coarseCount) {
        double u = (i + 0.5) / 2 - 0.5;
        int i0 = (int) Math.floor(u);
        double t = u - i0;
        int lo = Math.max(0, Math.min(coarseCount - 1, i0));
        int hi = Math.max(0, Math.min(coarseCount - 1, i0 + 1));
        return new double[] {lo, hi, 1 - t, t};
    }
}
