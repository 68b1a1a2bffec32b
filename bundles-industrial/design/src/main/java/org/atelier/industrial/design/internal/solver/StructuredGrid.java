package org.atelier.industrial.design.internal.solver;

import java.util.Arrays;

/**
 * A structured grid of unit square (2D) or cube (3D) elements: the mesh of a problem, and of each multigrid level.
 *
 * <p>Elements: {@code e = ely + elx*nely + elz*nelx*nely}; nodes: {@code n = y + x*(nely+1) + z*(nelx+1)*(nely+1)},
 * {@code y} counted from the top row down (as in top88); {@code nelz == 0} means 2D. The nodes of an element, in local
 * order: bottom-left, bottom-right, top-right, top-left (counter-clockwise seen with y up), in 3D first on the face
 * {@code z = elz}, then on {@code z = elz+1}.
 */
public final class StructuredGrid {
    private final int nelx;
    private final int nely;
    private final int nelz;
    private final int[] localNodeOffset;

    /** A 2D grid ({@code nelz = 0}) or a 3D grid. Sizes are not checked here (see {@link TopologyProblem}). */
    public StructuredGrid(int nelx, int nely, int nelz) {
        this.nelx = nelx;
        this.nely = nely;
        this.nelz = nelz;
        int sx = nely + 1;
        int sz = (nelx + 1) * (nely + 1);
        int[][] offsets = localNodeGridOffsets(is3d());
        localNodeOffset = new int[offsets.length];
        for (int a = 0; a < offsets.length; a++) {
            localNodeOffset[a] = offsets[a][0] * sx + offsets[a][1] + offsets[a][2] * sz;
        }
    }

    /** Local node a of an element sits at grid offset {dx, dy(row, downwards), dz} from its top-left-front node. */
    static int[][] localNodeGridOffsets(boolean threeD) {
        int[][] face = {{0, 1, 0}, {1, 1, 0}, {1, 0, 0}, {0, 0, 0}};
        if (!threeD) {
            return face;
        }
        int[][] all = new int[8][];
        for (int a = 0; a < 4; a++) {
            all[a] = face[a];
            all[a + 4] = new int[] {face[a][0], face[a][1], 1};
        }
        return all;
    }

    public int nelx() { return nelx; }

    public int nely() { return nely; }

    public int nelz() { return nelz; }

    public boolean is3d() { return nelz > 0; }

    public int dim() { return is3d() ? 3 : 2; }

    public int nodesPerElement() { return is3d() ? 8 : 4; }

    public int elementDofs() { return nodesPerElement() * dim(); }

    public int elementCount() { return nelx * nely * Math.max(1, nelz); }

    public int nodeCount() { return (nelx + 1) * (nely + 1) * (nelz + 1); }

    public int dofCount() { return nodeCount() * dim(); }

    public int node(int x, int y) { return node(x, y, 0); }

    public int node(int x, int y, int z) { return y + x * (nely + 1) + z * (nelx + 1) * (nely + 1); }

    public int element(int elx, int ely) { return element(elx, ely, 0); }

    public int element(int elx, int ely, int elz) { return ely + elx * nely + elz * nelx * nely; }

    /** The element that mirrors e about the grid's mid-plane normal to the symmetry's axis. */
    public int mirror(int e, Symmetry s) {
        int x = elementX(e);
        int y = elementY(e);
        int z = is3d() ? elementZ(e) : 0;
        switch (s) {
            case X -> x = nelx - 1 - x;
            case Y -> y = nely - 1 - y;
            case Z -> z = nelz - 1 - z;
        }
        return element(x, y, z);
    }

    public int nodeX(int n) { return (n % ((nelx + 1) * (nely + 1))) / (nely + 1); }

    public int nodeY(int n) { return n % (nely + 1); }

    public int nodeZ(int n) { return n / ((nelx + 1) * (nely + 1)); }

    public int elementX(int e) { return (e % (nelx * nely)) / nely; }

    public int elementY(int e) { return e % nely; }

    public int elementZ(int e) { return e / (nelx * nely); }

    /** The top-left(-front) node of element e; its local node a is {@code baseNode(e) + localNodeOffset(a)}. */
    int baseNode(int e) {
        return node(elementX(e), elementY(e), elementZ(e));
    }

    int[] localNodeOffsets() { return localNodeOffset; }

    /** Writes the global dofs of element e in local order into out (length {@link #elementDofs()}). */
    void elementDofs(int e, int[] out) {
        int base = baseNode(e);
        int d = dim();
        for (int a = 0; a < localNodeOffset.length; a++) {
            int n = (base + localNodeOffset[a]) * d;
            for (int c = 0; c < d; c++) {
                out[a * d + c] = n + c;
            }
        }
    }

    /** Elements are processed in slabs: columns elx (2D) or layers elz (3D), contiguous in element order. */
    int slabCount() { return is3d() ? nelz : nelx; }

    int slabSize() { return is3d() ? nelx * nely : nely; }

    /** Nodes with x, y, z inside the inclusive box (node coordinates), in node order. */
    public int[] nodes(int x0, int x1, int y0, int y1, int z0, int z1) {
        int zMax = is3d() ? Math.min(z1, nelz) : 0;
        int count = 0;
        int[] out = new int[nodeCount()];
        for (int z = Math.max(0, z0); z <= zMax; z++) {
            for (int x = Math.max(0, x0); x <= Math.min(x1, nelx); x++) {
                for (int y = Math.max(0, y0); y <= Math.min(y1, nely); y++) {
                    out[count++] = node(x, y, z);
                }
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The nodes on x = 0: the left edge (2D) or face (3D). */
    public int[] left() { return nodes(0, 0, 0, nely, 0, nelz); }

    /** The nodes on x = nelx. */
    public int[] right() { return nodes(nelx, nelx, 0, nely, 0, nelz); }

    /** The nodes on the top row y = 0. */
    public int[] top() { return nodes(0, nelx, 0, 0, 0, nelz); }

    /** The nodes on the bottom row y = nely. */
    public int[] bottom() { return nodes(0, nelx, nely, nely, 0, nelz); }

    /** 3D: the nodes on z = 0. */
    public int[] front() { return nodes(0, nelx, 0, nely, 0, 0); }

    /** 3D: the nodes on z = nelz. */
    public int[] back() { return nodes(0, nelx, 0, nely, nelz, nelz); }

    @Override
    public String toString() {
        return is3d() ? nelx + "x" + nely + "x" + nelz : nelx + "x" + nely;
    }
}
