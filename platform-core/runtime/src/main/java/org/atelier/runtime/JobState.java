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

    /** @return whether the job has finished */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** @return the state named in lower or upper case, or {@code null} for none */
    public static JobState parse(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (JobState s : values()) {
            if (s.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("state must be one of queued, running, succeeded, failed, cancelled");
    }

    /** @return the lower-case name used in JSON and tables */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
