package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.List;

/** Fixes the chosen displacement components of a node (z is ignored in 2D). */
public record Support(int node, boolean x, boolean y, boolean z) {
    /** The same support on every node of a set (an edge or face of {@link StructuredGrid}). */
    public static List<Support> on(int[] nodes, boolean x, boolean y, boolean z) {
        List<Support> out = new ArrayList<>(nodes.length);
        for (int n : nodes) {
            out.add(new Support(n, x, y, z));
        }
        return out;
    }
}
