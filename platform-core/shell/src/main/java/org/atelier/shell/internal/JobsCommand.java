package org.atelier.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;

/** {@code atelier:jobs [--state S] [--generator G] [--limit N]}: the newest jobs. */
@Command(scope = "atelier", name = "jobs", description = "Lists jobs, newest first")
@Service
public class JobsCommand implements Action {

    @Reference
    JobService jobs;

    @Option(name = "--state", aliases = "-s", description = "queued, running, succeeded, failed or cancelled")
    @Completion(value = StringsCompleter.class, values = {"queued", "running", "succeeded", "failed", "cancelled"})
    String state;

    @Option(name = "--generator", aliases = "-g", description = "vertical/id")
    @Completion(GeneratorCompleter.class)
    String generator;

    @Option(name = "--limit", aliases = "-n", description = "how many (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        JobService.Page page = jobs.list(JobState.parse(state), generator, 0, Math.max(1, Math.min(500, limit)));
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Job", "Generator", "State", "Progress", "Created", "Message"}) {
            table.column(c);
        }
        for (Job j : page.jobs()) {
            table.addRow().addContent(j.id(), j.generator(), j.state(),
                    String.format(Locale.ROOT, "%3.0f%%", j.progress() * 100), j.created(),
                    j.message() == null ? "" : j.message());
        }
        table.print(System.out);
        System.out.println(page.jobs().size() + " of " + page.total());
        return null;
    }
}
