package org.atelier.industrial.design.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.atelier.api.GeneratorLimits;
import org.atelier.industrial.design.internal.geometry.ContourSvg;
import org.atelier.industrial.design.internal.geometry.ConvergencePlot;
import org.atelier.industrial.design.internal.geometry.DensityPng;
import org.atelier.industrial.design.internal.geometry.Stl;
import org.atelier.industrial.design.internal.solver.IterationListener;
import org.atelier.industrial.design.internal.solver.StopReason;
import org.atelier.industrial.design.internal.solver.StructuredGrid;
import org.atelier.industrial.design.internal.solver.TopologyOptimizer;
import org.atelier.industrial.design.internal.solver.TopologyResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code industrial/topology}: generative design by topology optimisation (SIMP). One design, or several derivative
 * designs over ranges of the parameters ranked on the Pareto front of volume against compliance. Each design is
 * stored as a PNG of its densities, an SVG of its 0.5 contour (2D), an STL (a 2D design extruded to a plate; a 3D
 * one as a closed surface), its densities and metrics as JSON, and a PNG plot of its convergence; the platform's
 * store labels them all. Progress tells the iteration and the compliance, also as structured details (iteration,
 * compliance, volume, change, candidate, grid stage), and every {@code previewEveryIterations} iterations the current
 * densities become the job's preview image; a cancel stops within one iteration.
 */
@Component(service = Generator.class, configurationPid = DesignConfig.PID)
@Designate(ocd = DesignConfig.class)
public final class TopologyGenerator implements Generator<TopologyInput> {

    private static final JsonFactory JSON = new JsonFactory();

    private final DesignConfig config;

    @Activate
    public TopologyGenerator(DesignConfig config) {
        this.config = config;
    }

    @Override
    public GeneratorDescriptor<TopologyInput> descriptor() {
        return GeneratorDescriptor.builder("industrial", "topology", TopologyInput.class)
                .title("Generative design: topology optimisation")
                .description("Minimum compliance under a volume constraint (SIMP, top88's method) in 2D or 3D, from a "
                        + "preset (mbb, cantilever, l-bracket, bridge) or your own loads and supports; one design or "
                        + "derivative designs ranked on the Pareto front of volume against compliance.")
                .outputMediaTypes("image/png", "image/svg+xml", "model/stl", "application/json")
                .longRunning(true).limits(GeneratorLimits.of(config.maxConcurrent(), 0))
                .inputLimit("variants.count", config::maxVariants).build();
    }

    @Override
    public void check(TopologyInput input) {
        Problems.runs(input, config);
    }

    /**
     * Runs the design(s). A cancelled run keeps what it had: the last iterate's metrics and history and, with
     * {@code cancelledArtifacts} (on by default), its artifacts, which the platform marks partial; derivative designs
     * keep the candidates finished and the one under way, ranked as usual.
     */
    @Override
    public Object generate(TopologyInput input, GenerationContext context) {
        List<Problems.Run> runs = Problems.runs(input, config);
        double thickness = input.thickness() == null ? 1 : input.thickness();
        if (runs.size() == 1) {
            TopologyResult r = optimise(runs.get(0), context, 0, 1);
            Map<String, Object> out = summary(r, runs.get(0));
            if (!context.isCancelled() || keeps(r)) {
                out.put("artifacts", write(context, "", r, thickness, true));
            }
            out.put("history", history(r));
            return out;
        }
        List<TopologyResult> results = new ArrayList<>();
        List<Integer> runOf = new ArrayList<>();
        int done = 0;
        for (int i = 0; i < runs.size() && !context.isCancelled(); i++) {
            TopologyResult r = optimise(runs.get(i), context, i, runs.size());
            if (r.stopReason() != StopReason.CANCELLED) {
                done++;
            }
            if (r.iterations() > 0) {
                results.add(r);
                runOf.add(i);
            }
        }
        boolean cancelled = context.isCancelled();
        boolean store = !cancelled || config.cancelledArtifacts();
        double[] volume = results.stream().mapToDouble(TopologyResult::volume).toArray();
        double[] compliance = results.stream().mapToDouble(TopologyResult::compliance).toArray();
        int[] front = Pareto.fronts(volume, compliance);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> front[i]).thenComparingDouble(i -> volume[i]));
        List<Map<String, Object>> candidates = new ArrayList<>();
        int rank = 0;
        for (int i : order) {
            rank++;
            String prefix = String.format(Locale.ROOT, "candidate-%02d-", rank);
            Map<String, Object> c = summary(results.get(i), runs.get(runOf.get(i)));
            c.put("rank", rank);
            c.put("front", front[i]);
            if (store) {
                c.put("artifacts", write(context, prefix, results.get(i), thickness, front[i] == 1));
            }
            candidates.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (cancelled) {
            out.put("stopReason", "cancelled");
            out.put("candidatesDone", done);
        }
        out.put("candidates", candidates);
        out.put("paretoFront", candidates.stream().filter(c -> (int) c.get("front") == 1).map(c -> c.get("rank"))
                .toList());
        return out;
    }

    /** @return whether a cancelled run's last iterate is stored: configured so, and it has one */
    private boolean keeps(TopologyResult r) {
        return config.cancelledArtifacts() && r.iterations() > 0;
    }

    private TopologyResult optimise(Problems.Run run, GenerationContext context, int index, int count) {
        String who = count == 1 ? "" : "candidate " + (index + 1) + "/" + count + ": ";
        context.progress((double) index / count, who + "starting");
        double tolerance = run.params().changeTolerance();
        double[] most = {0};
        // grid continuation: the coarser grids share the first 30 % of a design's progress, the finest the rest
        int[] level = {1, 1};
        String[] grid = {""};
        IterationListener listener = new IterationListener() {
            @Override
            public void level(int l, int levels, StructuredGrid g) {
                level[0] = l;
                level[1] = levels;
                grid[0] = String.format(Locale.ROOT, "grid %d/%d (%d×%d%s): ", l, levels, g.nelx(), g.nely(),
                        g.is3d() ? "×" + g.nelz() : "");
            }

            @Override
            public void iteration(int iteration, double compliance, double volume, double change) {
                // convergence is when the largest change falls to the tolerance: progress on a log scale towards
                // it, never backwards (the change jumps about on the way)
                double tol = level[0] < level[1] ? Math.max(tolerance, run.params().continuationTolerance())
                        : tolerance;
                double inLevel = Math.max(0, Math.min(0.99, Math.log(Math.max(change, tol)) / Math.log(tol)));
                inLevel = Math.max(inLevel, (double) iteration / run.params().maxIterations());
                double done = level[1] == 1 ? inLevel
                        : level[0] < level[1] ? 0.3 * (level[0] - 1 + inLevel) / (level[1] - 1)
                        : 0.3 + 0.7 * inLevel;
                done = Math.max(most[0], Math.min(0.99, done));
                most[0] = done;
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("iteration", iteration);
                details.put("compliance", Double.isFinite(compliance) ? compliance : null);
                details.put("volume", volume);
                details.put("change", change);
                if (count > 1) {
                    details.put("candidate", index + 1);
                    details.put("candidates", count);
                }
                if (level[1] > 1) {
                    details.put("stage", String.format(Locale.ROOT, "grid %d/%d", level[0], level[1]));
                }
                context.progress((index + done) / count, String.format(Locale.ROOT,
                        "%s%siteration %d: compliance %.4f, volume %.3f, change %.3f", who, grid[0], iteration,
                        compliance, volume, change), details);
            }

            @Override
            public void design(int iteration, double[] densities, StructuredGrid g) {
                int every = config.previewEveryIterations();
                if (every <= 0 || iteration % every != 0) {
                    return;
                }
                byte[] png = g.is3d() ? DensityPng.png(densities, g.nelx(), g.nely(), g.nelz())
                        : DensityPng.png(densities, g.nelx(), g.nely());
                try {
                    context.preview(who.isEmpty() ? "density.png" : "candidate-" + (index + 1) + "-density.png",
                            "image/png", png);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        return TopologyOptimizer.run(run.problem(), run.params(), listener, context::isCancelled);
    }

    private static Map<String, Object> summary(TopologyResult r, Problems.Run run) {
        Map<String, Object> m = new LinkedHashMap<>();
        // before the first iteration there is no compliance yet: null, not "NaN"
        m.put("compliance", Double.isNaN(r.compliance()) ? null : r.compliance());
        m.put("iterations", r.iterations());
        m.put("volume", r.volume());
        m.put("secondsPerIteration", r.secondsPerIteration());
        m.put("converged", r.stopReason() == StopReason.CONVERGED);
        m.put("stopReason", r.stopReason().name().toLowerCase(Locale.ROOT));
        m.put("solver", r.solver());
        m.put("mesh", r.nelz() == 0 ? List.of(r.nelx(), r.nely()) : List.of(r.nelx(), r.nely(), r.nelz()));
        m.put("settings", run.settings());
        return m;
    }

    private static List<Map<String, Object>> history(TopologyResult r) {
        List<Map<String, Object>> h = new ArrayList<>();
        for (int i = 0; i < r.complianceHistory().length; i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("iteration", i + 1);
            step.put("compliance", r.complianceHistory()[i]);
            step.put("volume", r.volumeHistory()[i]);
            step.put("change", r.changeHistory()[i]);
            h.add(step);
        }
        return h;
    }

    /** @return the names of what was written; an empty design has no contour or surface to write */
    private static List<String> write(GenerationContext context, String prefix, TopologyResult r, double thickness,
                                      boolean all) {
        List<String> names = new ArrayList<>();
        boolean is3d = r.nelz() > 0;
        try {
            names.add(store(context, prefix + "design.png", "image/png", is3d
                    ? DensityPng.png(r.densities(), r.nelx(), r.nely(), r.nelz())
                    : DensityPng.png(r.densities(), r.nelx(), r.nely())));
            names.add(context.writeArtifact(prefix + "design.json", "application/json", out -> json(r, out)).name());
            if (!all) {
                return names;
            }
            try {
                if (!is3d) {
                    names.add(store(context, prefix + "design.svg", "image/svg+xml",
                            ContourSvg.svg(r.densities(), r.nelx(), r.nely()).getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8)));
                }
                names.add(store(context, prefix + "design.stl", "model/stl", is3d
                        ? Stl.solid(r.densities(), r.nelx(), r.nely(), r.nelz())
                        : Stl.plate(r.densities(), r.nelx(), r.nely(), thickness)));
            } catch (IllegalArgumentException e) {
                // the design is empty: no contour, no surface; the densities and the plot say why
            }
            names.add(store(context, prefix + "convergence.png", "image/png",
                    ConvergencePlot.png(r.complianceHistory(), r.volumeHistory())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static String store(GenerationContext context, String name, String type, byte[] content)
            throws IOException {
        return context.writeArtifact(name, type, content).name();
    }

    /** The densities and metrics, streamed: a 1200×400 design is half a million numbers. */
    private static void json(TopologyResult r, java.io.OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the platform owns the stream
            }
        }, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeNumberField("nelx", r.nelx());
            g.writeNumberField("nely", r.nely());
            g.writeNumberField("nelz", r.nelz());
            g.writeStringField("order", "element e = ely + elx*nely + elz*nelx*nely; ely = 0 is the top row");
            g.writeNumberField("compliance", r.compliance());
            g.writeNumberField("volume", r.volume());
            g.writeNumberField("iterations", r.iterations());
            g.writeNumberField("secondsPerIteration", r.secondsPerIteration());
            g.writeArrayFieldStart("densities");
            for (double d : r.densities()) {
                g.writeNumber(Math.round(d * 1e6) / 1e6);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
