package org.atelier.industrial.design.internal.solver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to optimise: the grid, the material, load cases, supports, passive regions and symmetries. Build it with
 * {@link #builder(int, int)} or {@link #builder(int, int, int)}; the grid's {@code left()}, {@code top()}, ... give
 * the node sets of edges and faces, {@link LoadCase#distributed} spreads a load over them.
 */
public final class TopologyProblem {
    private final StructuredGrid grid;
    private final Material material;
    private final List<LoadCase> loadCases;
    private final List<Support> supports;
    private final int[] passiveSolid;
    private final int[] passiveVoid;
    private final Set<Symmetry> symmetries;

    private TopologyProblem(Builder b) {
        grid = new StructuredGrid(b.nelx, b.nely, b.nelz);
        material = b.material;
        loadCases = List.copyOf(b.loadCases);
        supports = List.copyOf(b.supports);
        passiveSolid = b.passiveSolid.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        passiveVoid = b.passiveVoid.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        symmetries = b.symmetries.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.symmetries));
    }

    public static Builder builder(int nelx, int nely) {
        return new Builder(nelx, nely, 0);
    }

    public static Builder builder(int nelx, int nely, int nelz) {
        return new Builder(nelx, nely, nelz);
    }

    public StructuredGrid grid() { return grid; }

    public Material material() { return material; }

    public List<LoadCase> loadCases() { return loadCases; }

    public List<Support> supports() { return supports; }

    public int[] passiveSolid() { return passiveSolid.clone(); }

    public int[] passiveVoid() { return passiveVoid.clone(); }

    public Set<Symmetry> symmetries() { return symmetries; }

    /** The supported dofs. */
    boolean[] fixedDofs() {
        int d = grid.dim();
        boolean[] fixed = new boolean[grid.dofCount()];
        for (Support s : supports) {
            fixed[s.node() * d] |= s.x();
            fixed[s.node() * d + 1] |= s.y();
            if (d == 3) {
                fixed[s.node() * d + 2] |= s.z();
            }
        }
        return fixed;
    }

    /** The force vector of load case k. */
    double[] force(int k) {
        int d = grid.dim();
        double[] f = new double[grid.dofCount()];
        for (PointLoad p : loadCases.get(k).loads()) {
            f[p.node() * d] += p.fx();
            f[p.node() * d + 1] += p.fy();
            if (d == 3) {
                f[p.node() * d + 2] += p.fz();
            }
        }
        return f;
    }

    /** Checks the problem against the parameters; every message names the field at fault. */
    void validate(TopologyParameters params) {
        TopologyParameters.check(grid.nelx() > 0, "nelx", "must be positive, not " + grid.nelx());
        TopologyParameters.check(grid.nely() > 0, "nely", "must be positive, not " + grid.nely());
        TopologyParameters.check(grid.nelz() >= 0, "nelz", "must be positive (3D) or 0 (2D), not " + grid.nelz());
        long elements = (long) grid.nelx() * grid.nely() * Math.max(1, grid.nelz());
        TopologyParameters.check(elements <= params.elementLimit(), "elements", grid + " has " + elements
                + " elements, more than the limit of " + params.elementLimit());
        TopologyParameters.check(material != null, "material", "is missing");
        Material m = material;
        TopologyParameters.check(m.youngsModulus() > 0 && Double.isFinite(m.youngsModulus()),
                "material.youngsModulus", "must be positive, not " + m.youngsModulus());
        TopologyParameters.check(m.minimumModulus() > 0 && m.minimumModulus() < m.youngsModulus(),
                "material.minimumModulus", "must be positive and below Young's modulus, not " + m.minimumModulus());
        TopologyParameters.check(m.poissonRatio() > -1 && m.poissonRatio() < 0.5, "material.poissonRatio",
                "must be in (-1, 0.5), not " + m.poissonRatio());
        TopologyParameters.check(!loadCases.isEmpty(), "loads", "there is no load case");
        int nodes = grid.nodeCount();
        for (int k = 0; k < loadCases.size(); k++) {
            boolean any = false;
            for (PointLoad p : loadCases.get(k).loads()) {
                TopologyParameters.check(p.node() >= 0 && p.node() < nodes, "loads", "load case " + k + ": node "
                        + p.node() + " is outside the mesh (nodes 0.." + (nodes - 1) + " of " + grid + ")");
                TopologyParameters.check(Double.isFinite(p.fx()) && Double.isFinite(p.fy()) && Double.isFinite(p.fz()),
                        "loads", "load case " + k + ": the force on node " + p.node() + " is not finite");
                TopologyParameters.check(grid.is3d() || p.fz() == 0, "loads",
                        "load case " + k + ": a 2D load has no z component");
                any |= p.fx() != 0 || p.fy() != 0 || p.fz() != 0;
            }
            TopologyParameters.check(any, "loads", "load case " + k + " has no non-zero force");
        }
        for (Support s : supports) {
            TopologyParameters.check(s.node() >= 0 && s.node() < nodes, "supports", "node " + s.node()
                    + " is outside the mesh (nodes 0.." + (nodes - 1) + " of " + grid + ")");
        }
        checkRigidBodyModes();
        int elementCount = grid.elementCount();
        for (int e : passiveSolid) {
            TopologyParameters.check(e >= 0 && e < elementCount, "passiveSolid", "element " + e
                    + " is outside the mesh (elements 0.." + (elementCount - 1) + ")");
        }
        for (int e : passiveVoid) {
            TopologyParameters.check(e >= 0 && e < elementCount, "passiveVoid", "element " + e
                    + " is outside the mesh (elements 0.." + (elementCount - 1) + ")");
            TopologyParameters.check(Arrays.binarySearch(passiveSolid, e) < 0, "passiveVoid", "element " + e
                    + " is also passive solid");
        }
        TopologyParameters.check(!symmetries.contains(Symmetry.Z) || grid.is3d(), "symmetry",
                "Z needs a 3D problem");
        for (Symmetry s : symmetries.stream().sorted().toList()) {
            mirrored(passiveSolid, s, "passiveSolid");
            mirrored(passiveVoid, s, "passiveVoid");
        }
        int active = elementCount - passiveSolid.length - passiveVoid.length;
        TopologyParameters.check(active > 0, "passiveSolid", "no element is left to design");
        double start = (params.volfrac() * elementCount - passiveSolid.length) / active;
        TopologyParameters.check(start > 0 && start < 1, "volfrac", "volfrac " + params.volfrac() + " cannot be met: "
                + passiveSolid.length + " passive solid and " + passiveVoid.length + " passive void elements of "
                + elementCount);
    }

    /**
     * A symmetric design cannot hold an asymmetric passive region (the mirrored densities are averaged): every
     * element of the sorted set must have its mirror image about the mid-plane of s in the set too.
     */
    private void mirrored(int[] set, Symmetry s, String field) {
        for (int e : set) {
            int m = grid.mirror(e, s);
            TopologyParameters.check(Arrays.binarySearch(set, m) >= 0, field, "the region is not symmetric about the "
                    + s.name().toLowerCase(Locale.ROOT) + " mid-plane asked for by symmetry: element "
                    + at(e) + " is in it, its mirror image " + at(m) + " is not");
        }
    }

    private String at(int e) {
        return "(" + grid.elementX(e) + ", " + grid.elementY(e) + (grid.is3d() ? ", " + grid.elementZ(e) : "") + ")";
    }

    /**
     * The supports must remove every rigid-body motion (2D: two translations and a rotation; 3D: three and three):
     * the Gram matrix of the rigid modes restricted to the supported dofs must be positive definite.
     */
    private void checkRigidBodyModes() {
        int d = grid.dim();
        int modes = d == 2 ? 3 : 6;
        double[][] gram = new double[modes][modes];
        double cx = grid.nelx() / 2.0;
        double cy = grid.nely() / 2.0;
        double cz = grid.nelz() / 2.0;
        boolean[] fixed = fixedDofs();
        double[] v = new double[modes];
        for (int dof = 0; dof < fixed.length; dof++) {
            if (!fixed[dof]) {
                continue;
            }
            int n = dof / d;
            int c = dof % d;
            double x = grid.nodeX(n) - cx;
            double y = -(grid.nodeY(n) - cy);
            double z = grid.nodeZ(n) - cz;
            Arrays.fill(v, 0);
            v[c] = 1;
            if (d == 2) {
                v[2] = c == 0 ? -y : x;
            } else {
                // rotations about x, y, z: (0, -z, y), (z, 0, -x), (-y, x, 0)
                v[3] = c == 0 ? 0 : c == 1 ? -z : y;
                v[4] = c == 0 ? z : c == 1 ? 0 : -x;
                v[5] = c == 0 ? -y : c == 1 ? x : 0;
            }
            for (int i = 0; i < modes; i++) {
                for (int j = 0; j < modes; j++) {
                    gram[i][j] += v[i] * v[j];
                }
            }
        }
        String[] names = d == 2
                ? new String[] {"translation in x", "translation in y", "rotation in the plane"}
                : new String[] {"translation in x", "translation in y", "translation in z", "rotation about x",
                                "rotation about y", "rotation about z"};
        // Cholesky with a relative pivot test; a failing pivot names a motion the supports leave free
        double scale = 1;
        for (int i = 0; i < modes; i++) {
            scale = Math.max(scale, gram[i][i]);
        }
        List<String> free = new ArrayList<>();
        for (int k = 0; k < modes; k++) {
            double pivot = gram[k][k];
            for (int m = 0; m < k; m++) {
                pivot -= gram[k][m] * gram[k][m];
            }
            if (pivot <= 1e-9 * scale) {
                free.add(names[k]);
                for (int i = k; i < modes; i++) {
                    gram[i][k] = 0;
                }
                continue;
            }
            double l = Math.sqrt(pivot);
            gram[k][k] = l;
            for (int i = k + 1; i < modes; i++) {
                double s = gram[i][k];
                for (int m = 0; m < k; m++) {
                    s -= gram[i][m] * gram[k][m];
                }
                gram[i][k] = s / l;
            }
        }
        if (!free.isEmpty()) {
            throw new SingularStiffnessException("the supports leave the structure free to move (" + String.join(", ", free)
                    + "); add supports to stop it: " + (d == 2 ? "at least 3 independent fixed components, not all on "
                    + "one line" : "at least 6 independent fixed components, not all on one line"));
        }
    }

    /** Collects a problem. */
    public static final class Builder {
        private final int nelx;
        private final int nely;
        private final int nelz;
        private Material material = Material.defaults();
        private final List<LoadCase> loadCases = new ArrayList<>();
        private final List<Support> supports = new ArrayList<>();
        private final List<Integer> passiveSolid = new ArrayList<>();
        private final List<Integer> passiveVoid = new ArrayList<>();
        private final List<Symmetry> symmetries = new ArrayList<>();
        private final StructuredGrid grid;

        private Builder(int nelx, int nely, int nelz) {
            TopologyParameters.check(nelx > 0, "nelx", "must be positive, not " + nelx);
            TopologyParameters.check(nely > 0, "nely", "must be positive, not " + nely);
            TopologyParameters.check(nelz >= 0, "nelz", "must be positive (3D) or 0 (2D), not " + nelz);
            TopologyParameters.check((long) (nelx + 1) * (nely + 1) * (nelz + 1) < Integer.MAX_VALUE / 3, "elements",
                    "the grid " + nelx + "x" + nely + "x" + nelz + " is too large");
            this.nelx = nelx;
            this.nely = nely;
            this.nelz = nelz;
            this.grid = new StructuredGrid(nelx, nely, nelz);
        }

        /** The grid being built, for its node and element helpers. */
        public StructuredGrid grid() {
            return grid;
        }

        public Builder material(Material m) { material = m; return this; }

        public Builder loadCase(LoadCase c) { loadCases.add(c); return this; }

        public Builder support(Support s) { supports.add(s); return this; }

        public Builder supports(List<Support> s) { supports.addAll(s); return this; }

        public Builder passiveSolid(int... elements) {
            for (int e : elements) {
                passiveSolid.add(e);
            }
            return this;
        }

        public Builder passiveVoid(int... elements) {
            for (int e : elements) {
                passiveVoid.add(e);
            }
            return this;
        }

        public Builder symmetry(Symmetry s) { symmetries.add(s); return this; }

        public TopologyProblem build() {
            return new TopologyProblem(this);
        }
    }
}
