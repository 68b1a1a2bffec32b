package org.atelier.runtime;

import java.util.Locale;

/** States of a {@link Job}; serialised in lower case. */
public enum JobState {
    /** Waiting for a worker. */
    QUEUED,
    /** Running. */
    RUNNING,
    /** Finished with a result. */
    SUCCEEDED,
    /** Finished with an error. */
    FAILED,
    /** Stopped at the caller's request. */
    CANCELLED;

    /** @return the lower-case name used in JSON and tables */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
