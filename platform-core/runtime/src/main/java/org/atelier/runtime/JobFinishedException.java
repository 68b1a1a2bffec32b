package org.atelier.runtime;

/** The job has finished and cannot be cancelled. REST answers 409. */
public class JobFinishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param job the job */
    public JobFinishedException(Job job) {
        super("job " + job.id() + " has finished already (" + job.state().wireName() + ")");
    }
}
