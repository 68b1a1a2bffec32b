package org.atelier.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;

/** {@code atelier:cancel ID}: cancels a job. */
@Command(scope = "atelier", name = "cancel", description = "Cancels a queued or running job")
@Service
public class CancelCommand implements Action {

    @Reference
    JobService jobs;

    @Argument(index = 0, name = "id", description = "job id", required = true)
    String id;

    @Override
    public Object execute() {
        Job j = jobs.cancel(id);
        System.out.println("job " + j.id() + " " + (j.state().finished() ? j.state().wireName()
                : "is asked to stop; its generator stops at its next step"));
        return null;
    }
}
