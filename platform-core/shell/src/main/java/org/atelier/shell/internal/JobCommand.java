package org.atelier.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.NoSuchJobException;

/** {@code atelier:job ID}: one job in full. */
@Command(scope = "atelier", name = "job", description = "Shows one job: state, progress, result, artifacts")
@Service
public class JobCommand implements Action {

    @Reference
    JobService jobs;

    @Argument(index = 0, name = "id", description = "job id", required = true)
    String id;

    @Override
    public Object execute() {
        Job j = jobs.find(id).orElseThrow(() -> new NoSuchJobException(id));
        System.out.println("job       " + j.id());
        System.out.println("generator " + j.generator());
        System.out.println("state     " + j.state() + "  " + Math.round(j.progress() * 100) + "%"
                + (j.message() == null ? "" : "  " + j.message()));
        System.out.println("created   " + j.created() + (j.finished() == null ? "" : "   finished " + j.finished()));
        if (j.result() != null) {
            System.out.println("result    " + j.result());
        }
        for (ArtifactInfo a : j.artifacts()) {
            System.out.println("artifact  " + a.id() + "  " + a.name() + "  " + a.mediaType() + "  " + a.bytes()
                    + " bytes");
        }
        return null;
    }
}
