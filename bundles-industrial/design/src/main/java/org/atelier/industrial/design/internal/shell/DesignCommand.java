package org.atelier.industrial.design.internal.shell;

import java.io.StringWriter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * {@code atelier:design --preset mbb --nelx 120 --nely 40 --volfrac 0.5 [--out DIR]}: a topology optimisation as a
 * job of {@code industrial/topology}, its iterations and compliance shown as it converges (through
 * {@code atelier:run}), then a summary (iterations, compliance, artifacts; the whole history with {@code --history}),
 * the PNG, SVG, STL and JSON written to DIR. Ctrl-C cancels the job, which stops within one iteration and keeps its
 * last iterate (written to DIR, marked partial), and gives the prompt back; with {@code --keep-running} Ctrl-C leaves
 * it running.
 */
@Command(scope = "atelier", name = "design", description = "Generative design: topology optimisation of a preset problem")
@Service
public class DesignCommand implements Action {

    @Reference
    Session session;

    @Option(name = "--preset", description = "mbb (top88's half MBB beam), cantilever, l-bracket or bridge")
    @Completion(value = StringsCompleter.class, values = {"mbb", "cantilever", "l-bracket", "bridge"})
    String preset = "mbb";

    @Option(name = "--nelx", description = "elements along x")
    int nelx = 120;

    @Option(name = "--nely", description = "elements along y")
    int nely = 40;

    @Option(name = "--nelz", description = "elements along z: a 3D design")
    int nelz;

    @Option(name = "--volfrac", description = "volume fraction, in (0, 1)")
    double volfrac = 0.5;

    @Option(name = "--penal", description = "SIMP penalty")
    double penal = 3;

    @Option(name = "--rmin", description = "filter radius, in elements")
    double rmin = 1.5;

    @Option(name = "--filter", description = "sensitivity (top88 ft=1), density (ft=2) or heaviside")
    @Completion(value = StringsCompleter.class, values = {"sensitivity", "density", "heaviside"})
    String filter = "sensitivity";

    @Option(name = "--optimizer", description = "oc or mma")
    @Completion(value = StringsCompleter.class, values = {"oc", "mma"})
    String optimizer = "oc";

    @Option(name = "--max-iterations", description = "the most iterations")
    int maxIterations = 2000;

    @Option(name = "--variants", description = "derivative designs: this many candidates over --volfrac-range")
    int variants;

    @Option(name = "--volfrac-range", description = "with --variants: MIN,MAX of the volume fraction")
    String volfracRange;

    @Option(name = "--out", aliases = "-o", description = "directory for the artifacts")
    @Completion(FileCompleter.class)
    String out;

    @Option(name = "--history", aliases = "--full", description = "print the whole result, every iteration's "
            + "compliance, volume and change included")
    boolean history;

    @Option(name = "--keep-running", description = "Ctrl-C leaves the job running instead of cancelling it")
    boolean keepRunning;

    @Override
    public Object execute() throws Exception {
        StringWriter json = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(json)) {
            g.writeStartObject();
            g.writeStringField("preset", preset);
            g.writeNumberField("nelx", nelx);
            g.writeNumberField("nely", nely);
            if (nelz > 0) {
                g.writeNumberField("nelz", nelz);
            }
            g.writeNumberField("volfrac", volfrac);
            g.writeNumberField("penal", penal);
            g.writeNumberField("rmin", rmin);
            g.writeStringField("filter", filter);
            g.writeStringField("optimizer", optimizer);
            g.writeNumberField("maxIterations", maxIterations);
            if (variants > 0) {
                g.writeObjectFieldStart("variants");
                g.writeNumberField("count", variants);
                g.writeArrayFieldStart("volfrac");
                for (String v : (volfracRange == null ? volfrac + "," + volfrac : volfracRange).split(",", 2)) {
                    g.writeNumber(Double.parseDouble(v.strip()));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--volfrac-range is MIN,MAX, such as 0.3,0.6");
        }
        if (json.toString().contains("'")) {
            throw new IllegalArgumentException("options may not contain a single quote");
        }
        StringBuilder run = new StringBuilder("atelier:run --input '").append(json).append('\'');
        if (history) {
            run.append(" --full");
        }
        if (keepRunning) {
            run.append(" --keep-running");
        }
        if (out != null) {
            run.append(" --out '").append(out.replace("'", "")).append('\'');
        }
        run.append(" industrial/topology");
        return session.execute(run);
    }
}
