package org.atelier.apicheck.bad;

import org.atelier.runtime.JobService;

/** A vertical's class that uses the runtime: the build rule must refuse its bundle (see ApiOnlyImportsTest). */
public final class ReachesIntoRuntime {
    private ReachesIntoRuntime() {
    }

    public static int jobs(JobService jobs) {
        return jobs.list(null, null, 0, 1).total();
    }
}
