package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.List;

/** The classic benchmark problems, with top88's material (E = 1, nu = 0.3, Emin = 1e-9) and unit loads. */
public final class TopologyPresets {
    private TopologyPresets() {
    }

    /** Finds a preset by name: {@code mbb}, {@code cantilever}, {@code l-bracket}, {@code bridge} (load on top). */
    public static TopologyProblem byName(String name, int nelx, int nely, int nelz) {
        return switch (name) {
            case "mbb" -> mbb(nelx, nely, nelz);
            case "cantilever" -> cantilever(nelx, nely, nelz);
            case "l-bracket" -> lBracket(nelx, nely, nelz);
            case "bridge" -> bridge(nelx, nely, nelz, true);
            default -> throw new TopologyException("preset", "unknown preset '" + name
                    + "' (mbb, cantilever, l-bracket, bridge)");
        };
    }

    /**
     * The half MBB beam exactly as top88: a unit downward load at the top-left node, x fixed on the left edge (the
     * symmetry line), y fixed at the bottom-right node. In 3D the same extruded: the load spread along the top-left
     * line, x fixed on the left face, y on the bottom-right line, z on the front face.
     */
    public static TopologyProblem mbb(int nelx, int nely, int nelz) {
        TopologyProblem.Builder b = builder(nelx, nely, nelz);
        StructuredGrid g = b.grid();
        if (nelz == 0) {
            b.loadCase(LoadCase.of(PointLoad.of(g.node(0, 0), 0, -1)));
            b.supports(Support.on(g.left(), true, false, false));
            b.support(new Support(g.node(nelx, nely), false, true, false));
        } else {
            b.loadCase(LoadCase.distributed(g, 0, 0, 0, 0, 0, nelz, 0, -1, 0));
            b.supports(Support.on(g.left(), true, false, false));
            b.supports(Support.on(g.nodes(nelx, nelx, nely, nely, 0, nelz), false, true, false));
            b.supports(Support.on(g.front(), false, false, true));
        }
        return b.build();
    }

    /**
     * The cantilever: left edge (face) clamped; a unit downward load at the middle of the right edge, in 3D spread
     * along the bottom line of the right face (as top3d).
     */
    public static TopologyProblem cantilever(int nelx, int nely, int nelz) {
        TopologyProblem.Builder b = builder(nelx, nely, nelz);
        StructuredGrid g = b.grid();
        b.supports(Support.on(g.left(), true, true, true));
        if (nelz == 0) {
            b.loadCase(LoadCase.of(PointLoad.of(g.node(nelx, nely / 2), 0, -1)));
        } else {
            b.loadCase(LoadCase.distributed(g, nelx, nelx, nely, nely, 0, nelz, 0, -1, 0));
        }
        return b.build();
    }

    /**
     * The L-bracket: the upper-right quadrant is passive void, the top edge (face) of the remaining upright is clamped,
     * a unit downward load sits at the right tip (the top-right corner of the lower arm; a line in 3D).
     */
    public static TopologyProblem lBracket(int nelx, int nely, int nelz) {
        TopologyProblem.Builder b = builder(nelx, nely, nelz);
        StructuredGrid g = b.grid();
        int hx = nelx / 2;
        int hy = nely / 2;
        List<Integer> hole = new ArrayList<>();
        for (int z = 0; z < Math.max(1, nelz); z++) {
            for (int x = hx; x < nelx; x++) {
                for (int y = 0; y < hy; y++) {
                    hole.add(g.element(x, y, z));
                }
            }
        }
        b.passiveVoid(hole.stream().mapToInt(Integer::intValue).toArray());
        b.supports(Support.on(g.nodes(0, hx, 0, 0, 0, nelz), true, true, true));
        if (nelz == 0) {
            b.loadCase(LoadCase.of(PointLoad.of(g.node(nelx, hy), 0, -1)));
        } else {
            b.loadCase(LoadCase.distributed(g, nelx, nelx, hy, hy, 0, nelz, 0, -1, 0));
        }
        return b.build();
    }

    /**
     * The bridge: pinned at the two bottom corners (lines in 3D), a unit downward load spread uniformly over the top
     * edge (face), or over the bottom one.
     */
    public static TopologyProblem bridge(int nelx, int nely, int nelz, boolean loadOnTop) {
        TopologyProblem.Builder b = builder(nelx, nely, nelz);
        StructuredGrid g = b.grid();
        b.supports(Support.on(g.nodes(0, 0, nely, nely, 0, nelz), true, true, true));
        b.supports(Support.on(g.nodes(nelx, nelx, nely, nely, 0, nelz), true, true, true));
        int y = loadOnTop ? 0 : nely;
        b.loadCase(LoadCase.distributed(g, 0, nelx, y, y, 0, nelz, 0, -1, 0));
        return b.build();
    }

    private static TopologyProblem.Builder builder(int nelx, int nely, int nelz) {
        return nelz == 0 ? TopologyProblem.builder(nelx, nely) : TopologyProblem.builder(nelx, nely, nelz);
    }
}
