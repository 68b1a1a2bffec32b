package org.atelier.runtime.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;

/**
 * The jobs kept in memory, newest first, at most {@code maxKept}: the oldest finished ones go first. (The
 * platform-services work keeps them in the database instead.)
 */
final class JobStore {

    private final Map<String, JobRecord> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<JobRecord> newestFirst = new ConcurrentLinkedDeque<>();
    private volatile int maxKept;

    JobStore(int maxKept) {
        this.maxKept = maxKept;
    }

    void maxKept(int n) {
        this.maxKept = n;
    }

    void add(JobRecord r) {
        byId.put(r.id, r);
        newestFirst.addFirst(r);
        int excess = byId.size() - Math.max(1, maxKept);
        for (Iterator<JobRecord> it = newestFirst.descendingIterator(); excess > 0 && it.hasNext(); ) {
            JobRecord old = it.next();
            if (old.state().finished()) {
                it.remove();
                byId.remove(old.id);
                excess--;
            }
        }
    }

    JobRecord get(String id) {
        return id == null ? null : byId.get(id);
    }

    JobService.Page list(JobState state, String generator, int offset, int limit) {
        List<Job> page = new ArrayList<>();
        int total = 0;
        for (JobRecord r : newestFirst) {
            if ((state == null || r.state() == state) && (generator == null || generator.equals(r.generator))) {
                if (total >= offset && page.size() < limit) {
                    page.add(r.snapshot());
                }
                total++;
            }
        }
        return new JobService.Page(page, total);
    }
}
