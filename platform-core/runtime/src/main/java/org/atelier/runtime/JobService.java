package org.atelier.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** The jobs the platform ran or runs: find, list, cancel, and follow one as it changes. */
@ProviderType
public interface JobService {

    /** @return the job, if it is known */
    Optional<Job> find(String id);

    /**
     * @param state only jobs in this state, or {@code null}
     * @param generator only jobs of this generator ({@code vertical/id}), or {@code null}
     * @param owner only jobs started with this API key, or {@code null} for everyone's
     * @param offset how many to skip, newest first
     * @param limit how many at most
     * @return the page and the total count
     */
    Page list(JobState state, String generator, String owner, int offset, int limit);

    /**
     * As {@link #list(JobState, String, String, int, int)}, only the sub-jobs of one job when {@code parent} is given.
     *
     * @param parent only the sub-jobs of this job, or {@code null} for all jobs
     * @since 1.4
     */
    default Page list(JobState state, String generator, String owner, String parent, int offset, int limit) {
        if (parent != null) {
            throw new UnsupportedOperationException("sub-jobs are not listed by this implementation");
        }
        return list(state, generator, owner, offset, limit);
    }

    /** Everyone's jobs. */
    default Page list(JobState state, String generator, int offset, int limit) {
        return list(state, generator, null, offset, limit);
    }

    /**
     * Cancels a job: a queued one at once, a running one when its generator next looks.
     *
     * @return the job as it is now
     * @throws NoSuchJobException when there is no such job
     * @throws JobFinishedException when it has finished already
     */
    Job cancel(String id);

    /**
     * Follows a job: the listener gets the job now and at every change, until the job finishes or the returned
     * handle is closed. It must not block.
     *
     * @throws NoSuchJobException when there is no such job
     */
    AutoCloseable subscribe(String id, Consumer<Job> listener);

    /**
     * A page of jobs.
     *
     * @param jobs the jobs, newest first
     * @param total how many match
     */
    record Page(List<Job> jobs, int total) {
    }
}
