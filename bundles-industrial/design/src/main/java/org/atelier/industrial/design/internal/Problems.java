package org.atelier.industrial.design.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atelier.api.InvalidInputException;
import org.atelier.industrial.design.internal.TopologyInput.BoxInput;
import org.atelier.industrial.design.internal.TopologyInput.LoadInput;
import org.atelier.industrial.design.internal.TopologyInput.NodeInput;
import org.atelier.industrial.design.internal.TopologyInput.RegionInput;
import org.atelier.industrial.design.internal.TopologyInput.SupportInput;
import org.atelier.industrial.design.internal.solver.FilterType;
import org.atelier.industrial.design.internal.solver.LoadCase;
import org.atelier.industrial.design.internal.solver.Material;
import org.atelier.industrial.design.internal.solver.OptimizerType;
import org.atelier.industrial.design.internal.solver.PointLoad;
import org.atelier.industrial.design.internal.solver.SingularStiffnessException;
import org.atelier.industrial.design.internal.solver.StructuredGrid;
import org.atelier.industrial.design.internal.solver.Support;
import org.atelier.industrial.design.internal.solver.Symmetry;
import org.atelier.industrial.design.internal.solver.TopologyException;
import org.atelier.industrial.design.internal.solver.TopologyParameters;
import org.atelier.industrial.design.internal.solver.TopologyPresets;
import org.atelier.industrial.design.internal.solver.TopologyProblem;
import org.atelier.industrial.design.internal.solver.Validation;

/**
 * Turns a {@link TopologyInput} into the runs it asks for, checked: one run, or one per derivative candidate. Every
 * problem is a 400 naming the input's field ({@code loads[2].at.x}, {@code nelx}, {@code supports}); a structure the
 * supports cannot hold says which supports to add.
 */
final class Problems {

    /**
     * One optimisation to run.
     *
     * @param problem the problem
     * @param params its parameters
     * @param settings what distinguishes it, for people (volfrac, rmin, penal, load set)
     */
    record Run(TopologyProblem problem, TopologyParameters params, Map<String, Object> settings) {
    }

    private Problems() {
    }

    static List<Run> runs(TopologyInput in, DesignConfig config) {
        try {
            return build(in, config);
        } catch (SingularStiffnessException e) {
            throw new InvalidInputException("supports", e.detail());
        } catch (TopologyException e) {
            throw new InvalidInputException(field(e.field()), e.detail());
        }
    }

    private static List<Run> build(TopologyInput in, DesignConfig config) {
        int nelx = in.nelx();
        int nely = in.nely();
        int nelz = in.nelz() == null ? 0 : in.nelz();
        long elements = (long) nelx * nely * Math.max(1, nelz);
        long limit = nelz == 0 ? config.maxElements2d() : config.maxElements3d();
        if (elements > limit) {
            throw new InvalidInputException(nelz == 0 ? "nelx" : "nelz", "the mesh " + nelx + "×" + nely
                    + (nelz == 0 ? "" : "×" + nelz) + " has " + elements + " elements; at most " + limit
                    + (nelz == 0 ? " (maxElements2d)" : " (maxElements3d)"));
        }
        if (in.preset() == null && (in.loads() == null || in.loads().isEmpty())) {
            throw new InvalidInputException("loads", "give a preset (mbb, cantilever, l-bracket, bridge) or loads "
                    + "and supports");
        }
        if (in.preset() == null && (in.supports() == null || in.supports().isEmpty())) {
            throw new InvalidInputException("supports", "give a preset or supports: a structure needs to be held");
        }
        TopologyParameters.Builder params = TopologyParameters.builder()
                .volfrac(or(in.volfrac(), 0.5)).penal(or(in.penal(), 3.0)).rmin(or(in.rmin(), 1.5))
                .filter(FilterType.valueOf(or(in.filter(), "sensitivity").toUpperCase(Locale.ROOT)))
                .optimizer(OptimizerType.valueOf(or(in.optimizer(), "oc").toUpperCase(Locale.ROOT)))
                .maxIterations(or(in.maxIterations(), 2000))
                .elementLimit((int) Math.min(Integer.MAX_VALUE, limit))
                .continuation(in.continuation() != null ? in.continuation()
                        : elements > (nelz == 0 ? config.continuationElements2d() : config.continuationElements3d()));
        if (config.parallelism() > 0) {
            params.parallelism(config.parallelism());
        }
        List<Run> runs = new ArrayList<>();
        if (in.variants() == null) {
            TopologyProblem p = problem(in, nelx, nely, nelz, in.loads(), "loads");
            TopologyParameters tp = params.build();
            Validation.check(p, tp);
            runs.add(new Run(p, tp, settings(tp, null)));
            return runs;
        }
        TopologyInput.VariantsInput v = in.variants();
        if (v.count() > config.maxVariants()) {
            throw new InvalidInputException("variants.count", "at most " + config.maxVariants() + " (maxVariants)");
        }
        double[] volfrac = range(v.volfrac(), "variants.volfrac", or(in.volfrac(), 0.5), 0, 1, false);
        double[] rmin = range(v.rmin(), "variants.rmin", or(in.rmin(), 1.5), 0, 100, true);
        double[] penal = range(v.penal(), "variants.penal", or(in.penal(), 3.0), 1, 10, true);
        List<List<LoadInput>> sets = v.loadSets() == null || v.loadSets().isEmpty() ? null : v.loadSets();
        List<TopologyProblem> problems = new ArrayList<>();
        if (sets == null) {
            problems.add(problem(in, nelx, nely, nelz, in.loads(), "loads"));
        } else {
            for (int s = 0; s < sets.size(); s++) {
                problems.add(problem(in, nelx, nely, nelz, sets.get(s), "variants.loadSets[" + s + "]"));
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; runs.size() < v.count() && i < 100 * v.count(); i++) {
            double vf = round(lerp(volfrac, halton(i, 2)), 3);
            double r = round(lerp(rmin, halton(i, 3)), 2);
            double pe = round(lerp(penal, halton(i, 5)), 2);
            int set = sets == null ? -1 : (i - 1) % sets.size();
            if (!seen.add(vf + "/" + r + "/" + pe + "/" + set)) {
                continue;
            }
            TopologyParameters tp = params.volfrac(vf).rmin(r).penal(pe).build();
            TopologyProblem p = problems.get(Math.max(0, set));
            Validation.check(p, tp);
            runs.add(new Run(p, tp, settings(tp, set < 0 ? null : set)));
        }
        if (runs.size() < v.count()) {
            throw new InvalidInputException("variants", "the ranges give only " + runs.size() + " distinct "
                    + "candidates; widen them or ask for fewer");
        }
        return runs;
    }

    private static TopologyProblem problem(TopologyInput in, int nelx, int nely, int nelz, List<LoadInput> loads,
                                           String loadsField) {
        TopologyProblem preset = in.preset() == null ? null : TopologyPresets.byName(in.preset(), nelx, nely, nelz);
        TopologyProblem.Builder b = nelz == 0 ? TopologyProblem.builder(nelx, nely)
                : TopologyProblem.builder(nelx, nely, nelz);
        StructuredGrid g = b.grid();
        TopologyInput.MaterialInput m = in.material();
        Material base = Material.defaults();
        b.material(m == null ? base : new Material(or(m.youngsModulus(), base.youngsModulus()),
                or(m.poissonRatio(), base.poissonRatio()), or(m.minimumModulus(), base.minimumModulus())));
        if (loads != null && !loads.isEmpty()) {
            for (LoadCase c : loadCases(g, loads, loadsField)) {
                b.loadCase(c);
            }
        } else {
            preset.loadCases().forEach(b::loadCase);
        }
        if (in.supports() != null && !in.supports().isEmpty()) {
            for (int i = 0; i < in.supports().size(); i++) {
                SupportInput s = in.supports().get(i);
                String f = "supports[" + i + "]";
                boolean x = s.fix().contains("x");
                boolean y = s.fix().contains("y");
                boolean z = s.fix().contains("z");
                if (z && nelz == 0) {
                    throw new InvalidInputException(f + ".fix", "a 2D problem has no z");
                }
                b.supports(Support.on(nodes(g, s.at(), s.on(), s.box(), f), x, y, z));
            }
        } else if (preset != null) {
            b.supports(preset.supports());
        }
        if (preset != null) {
            b.passiveSolid(preset.passiveSolid());
            b.passiveVoid(preset.passiveVoid());
        }
        if (in.passive() != null) {
            for (int i = 0; i < in.passive().size(); i++) {
                RegionInput r = in.passive().get(i);
                int[] elements = elements(g, r, "passive[" + i + "]");
                if (r.kind().equals("solid")) {
                    b.passiveSolid(elements);
                } else {
                    b.passiveVoid(elements);
                }
            }
        }
        if (in.symmetry() != null) {
            for (String s : in.symmetry()) {
                b.symmetry(Symmetry.valueOf(s.toUpperCase(Locale.ROOT)));
            }
        }
        return b.build();
    }

    private static List<LoadCase> loadCases(StructuredGrid g, List<LoadInput> loads, String field) {
        Map<Integer, List<PointLoad>> cases = new java.util.TreeMap<>();
        for (int i = 0; i < loads.size(); i++) {
            LoadInput l = loads.get(i);
            String f = field + "[" + i + "]";
            double fx = or(l.fx(), 0.0);
            double fy = or(l.fy(), 0.0);
            double fz = or(l.fz(), 0.0);
            if (fx == 0 && fy == 0 && fz == 0) {
                throw new InvalidInputException(f, "has no force: give fx, fy or fz");
            }
            if (fz != 0 && !g.is3d()) {
                throw new InvalidInputException(f + ".fz", "a 2D problem has no z");
            }
            List<PointLoad> into = cases.computeIfAbsent(or(l.loadCase(), 0), k -> new ArrayList<>());
            if (l.at() != null && l.on() == null && l.box() == null) {
                into.add(new PointLoad(node(g, l.at(), f + ".at"), fx, fy, fz));
            } else {
                int[] box = box(g, l.at(), l.on(), l.box(), f);
                into.addAll(LoadCase.distributed(g, box[0], box[1], box[2], box[3], box[4], box[5], fx, fy, fz).loads());
            }
        }
        List<LoadCase> out = new ArrayList<>();
        cases.values().forEach(c -> out.add(new LoadCase(c)));
        return out;
    }

    private static int[] nodes(StructuredGrid g, NodeInput at, String on, BoxInput box, String field) {
        if (at != null && on == null && box == null) {
            return new int[] {node(g, at, field + ".at")};
        }
        int[] b = box(g, at, on, box, field);
        return g.nodes(b[0], b[1], b[2], b[3], b[4], b[5]);
    }

    /** @return x0, x1, y0, y1, z0, z1 of the nodes meant, inclusive */
    private static int[] box(StructuredGrid g, NodeInput at, String on, BoxInput box, String field) {
        int given = (at == null ? 0 : 1) + (on == null ? 0 : 1) + (box == null ? 0 : 1);
        if (given != 1) {
            throw new InvalidInputException(field, "give exactly one of at (a node), on (an edge or face) or box");
        }
        int nx = g.nelx();
        int ny = g.nely();
        int nz = g.nelz();
        if (on != null) {
            if ((on.equals("front") || on.equals("back")) && !g.is3d()) {
                throw new InvalidInputException(field + ".on", "'" + on + "' is a face of a 3D problem");
            }
            return switch (on) {
                case "left" -> new int[] {0, 0, 0, ny, 0, nz};
                case "right" -> new int[] {nx, nx, 0, ny, 0, nz};
                case "top" -> new int[] {0, nx, 0, 0, 0, nz};
                case "bottom" -> new int[] {0, nx, ny, ny, 0, nz};
                case "front" -> new int[] {0, nx, 0, ny, 0, 0};
                default -> new int[] {0, nx, 0, ny, nz, nz};
            };
        }
        int[] x = span(box.x(), nx, field + ".box.x", true);
        int[] y = span(box.y(), ny, field + ".box.y", true);
        int[] z = span(box.z(), nz, field + ".box.z", true);
        if (box.z() != null && !g.is3d()) {
            throw new InvalidInputException(field + ".box.z", "a 2D problem has no z");
        }
        return new int[] {x[0], x[1], y[0], y[1], z[0], z[1]};
    }

    private static int[] elements(StructuredGrid g, RegionInput r, String field) {
        if (r.z() != null && !g.is3d()) {
            throw new InvalidInputException(field + ".z", "a 2D problem has no z");
        }
        int[] x = span(r.x(), g.nelx(), field + ".x", false);
        int[] y = span(r.y(), g.nely(), field + ".y", false);
        int[] z = g.is3d() ? span(r.z(), g.nelz(), field + ".z", false) : new int[] {0, 1};
        List<Integer> out = new ArrayList<>();
        for (int ez = z[0]; ez < z[1]; ez++) {
            for (int ex = x[0]; ex < x[1]; ex++) {
                for (int ey = y[0]; ey < y[1]; ey++) {
                    out.add(g.element(ex, ey, ez));
                }
            }
        }
        if (out.isEmpty()) {
            throw new InvalidInputException(field, "holds no element: ranges are [from, to) with from < to");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A range {@code [from, to]} of nodes (inclusive) or {@code [from, to)} of elements, within 0..max. */
    private static int[] span(List<Integer> range, int max, String field, boolean nodes) {
        if (range == null) {
            return new int[] {0, max};
        }
        int from = range.get(0);
        int to = range.get(1);
        if (from > to || to > max) {
            throw new InvalidInputException(field, "[" + from + ", " + to + "] is outside the mesh: "
                    + (nodes ? "node" : "element") + " coordinates run from 0 to " + (nodes ? max : max - 1)
                    + (nodes ? "" : " (ranges are [from, to))"));
        }
        return new int[] {from, to};
    }

    private static int node(StructuredGrid g, NodeInput at, String field) {
        if (at.x() > g.nelx()) {
            throw new InvalidInputException(field + ".x", at.x() + " is outside the mesh: nodes run from 0 to "
                    + g.nelx());
        }
        if (at.y() > g.nely()) {
            throw new InvalidInputException(field + ".y", at.y() + " is outside the mesh: nodes run from 0 to "
                    + g.nely());
        }
        int z = at.z() == null ? 0 : at.z();
        if (z > g.nelz()) {
            throw new InvalidInputException(field + ".z", z + " is outside the mesh: nodes run from 0 to "
                    + g.nelz());
        }
        return g.node(at.x(), at.y(), z);
    }

    private static double[] range(List<Double> given, String field, double fallback, double min, double max,
                                  boolean inclusive) {
        if (given == null) {
            return new double[] {fallback, fallback};
        }
        double a = given.get(0);
        double b = given.get(1);
        boolean ok = a <= b && (inclusive ? a >= min && b <= max : a > min && b < max);
        if (!ok) {
            throw new InvalidInputException(field, "[" + a + ", " + b + "] must be a range within "
                    + (inclusive ? "[" : "(") + min + ", " + max + (inclusive ? "]" : ")"));
        }
        return new double[] {a, b};
    }

    private static Map<String, Object> settings(TopologyParameters p, Integer loadSet) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("volfrac", p.volfrac());
        m.put("rmin", p.rmin());
        m.put("penal", p.penal());
        m.put("filter", p.filter().name().toLowerCase(Locale.ROOT));
        m.put("optimizer", p.optimizer().name().toLowerCase(Locale.ROOT));
        if (p.continuation()) {
            m.put("continuation", true);
        }
        if (loadSet != null) {
            m.put("loadSet", loadSet);
        }
        return m;
    }

    /** The i-th element of the van der Corput sequence in a base: the coordinates of a Halton sample. */
    static double halton(int i, int base) {
        double f = 1;
        double r = 0;
        for (int n = i; n > 0; n /= base) {
            f /= base;
            r += f * (n % base);
        }
        return r;
    }

    private static double lerp(double[] range, double t) {
        return range[0] + (range[1] - range[0]) * t;
    }

    private static double round(double v, int digits) {
        double s = Math.pow(10, digits);
        return Math.round(v * s) / s;
    }

    private static String field(String solverField) {
        return switch (solverField) {
            case "material.youngsModulus" -> "material.E";
            case "material.poissonRatio" -> "material.nu";
            case "material.minimumModulus" -> "material.Emin";
            case "elements" -> "nelx";
            case "passiveSolid", "passiveVoid" -> "passive";
            default -> solverField;
        };
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
