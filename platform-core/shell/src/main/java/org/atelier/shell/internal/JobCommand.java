package org.atelier.shell.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.FileCompleter;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.GeneratorRegistry;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.NoSuchJobException;

/**
 * {@code atelier:job [--full] [--out DIR] ID}: one job: state, a summary of its result (the whole JSON with
 * {@code --full}), its artifacts, which {@code --out} writes into a directory.
 */
@Command(scope = "atelier", name = "job", description = "Shows one job: state, progress, result, artifacts")
@Service
public class JobCommand implements Action {

    @Reference
    JobService jobs;

    @Reference
    GeneratorRegistry registry;

    @Argument(index = 0, name = "id", description = "job id", required = true)
    String id;

    @Option(name = "--full", description = "print the whole result as JSON (long lists such as a history too)")
    boolean full;

    @Option(name = "--out", aliases = "-o", description = "write the job's artifacts into this directory")
    @Completion(FileCompleter.class)
    String out;

    @Override
    public Object execute() throws IOException {
        Job j = jobs.find(id).orElseThrow(() -> new NoSuchJobException(id));
        System.out.println("job       " + j.id());
        System.out.println("generator " + j.generator());
        System.out.println("state     " + j.state() + "  " + Math.round(j.progress() * 100) + "%"
                + (j.message() == null ? "" : "  " + j.message()));
        System.out.println("created   " + j.created() + (j.finished() == null ? "" : "   finished " + j.finished()));
        if (j.parent() != null) {
            System.out.println("parent    " + j.parent() + "  (a sub-job of it)");
        }
        if (j.details() != null && !j.details().isEmpty()) {
            System.out.println("details   " + j.details());
        }
        if (j.result() != null) {
            if (full) {
                System.out.println("result");
                System.out.println(j.result().toPrettyString());
            } else {
                ResultText.print(j.result(), System.out, "atelier:job --full " + j.id());
            }
        }
        if (out != null) {
            RunCommand.write(registry, j, Path.of(out), System.out);
            return null;
        }
        for (ArtifactInfo a : j.artifacts()) {
            System.out.println("artifact  " + a.id() + "  " + a.name() + "  " + a.mediaType() + "  " + a.bytes()
                    + " bytes" + (a.partial() ? "  partial" : ""));
        }
        if (j.preview() != null) {
            System.out.println("preview   " + j.preview().id() + "  " + j.preview().name() + "  "
                    + j.preview().mediaType() + "  " + j.preview().bytes() + " bytes");
        }
        return null;
    }
}
