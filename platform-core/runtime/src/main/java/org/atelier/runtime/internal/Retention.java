package org.atelier.runtime.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database and the artifact folder within their limits: finished jobs older than the retention age, beyond
 * the number kept, or (oldest first) while the artifacts' total size is over its limit, go with their artifacts; a
 * file goes when no artifact refers to it any more. Queued and running jobs are never touched. A job either stays
 * whole or goes whole: no job is left pointing at a deleted file.
 */
final class Retention {

    /** What one sweep removed. */
    record Swept(int jobs, int artifacts, int files, long bytes) {
        boolean any() {
            return jobs + artifacts + files > 0;
        }
    }

    /**
     * The limits.
     *
     * @param maxAge finished jobs older than this go; {@code null} or zero keeps them whatever their age
     * @param maxJobs finished jobs kept, the newest
     * @param maxBytes total size of the artifact files; zero or less for no limit
     */
    record Limits(Duration maxAge, int maxJobs, long maxBytes) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    private static final String FINISHED = "finished IS NOT NULL AND state IN ('succeeded', 'failed', 'cancelled')";
    private static final int BATCH = 200;
    /** A temporary or unreferenced file younger than this may belong to a write in progress. */
    static final Duration ORPHAN_GRACE = Duration.ofHours(1);

    private final Database db;
    private final ArtifactStore store;

    Retention(Database db, ArtifactStore store) {
        this.db = db;
        this.store = store;
    }

    /** Applies the limits once. */
    Swept sweep(Limits limits, Instant now) throws IOException {
        Set<String> doomed = new LinkedHashSet<>();
        if (limits.maxAge() != null && !limits.maxAge().isZero() && !limits.maxAge().isNegative()) {
            doomed.addAll(ids("SELECT id FROM atelier_jobs WHERE " + FINISHED + " AND finished < ?",
                    p -> p.setObject(1, Database.time(now.minus(limits.maxAge())))));
        }
        doomed.addAll(ids("SELECT id FROM atelier_jobs WHERE " + FINISHED + " ORDER BY created DESC, id OFFSET ? ROWS",
                p -> p.setInt(1, Math.max(1, limits.maxJobs()))));
        Totals removed = delete(new ArrayList<>(doomed));
        if (limits.maxBytes() > 0) {
            long total = totalBytes();
            while (total > limits.maxBytes()) {
                List<String> oldest = ids("SELECT id FROM atelier_jobs WHERE " + FINISHED
                        + " ORDER BY finished, id FETCH FIRST " + BATCH + " ROWS ONLY", p -> { });
                if (oldest.isEmpty()) {
                    LOG.warn("Artifacts take {} bytes, over the limit of {}, but every job that holds them is still "
                            + "queued or running", total, limits.maxBytes());
                    break;
                }
                // one job at a time, oldest first, until the files freed bring the total under the limit
                for (int i = 0; i < oldest.size() && total > limits.maxBytes(); i++) {
                    removed = removed.plus(delete(List.of(oldest.get(i))));
                    // from the records, not from the files deleted: a file already missing frees nothing on disk
                    // but no longer counts either
                    total = totalBytes();
                }
            }
        }
        Swept swept = new Swept(removed.jobs, removed.artifacts, removed.files, removed.bytes);
        if (swept.any()) {
            LOG.info("Retention removed {} jobs, {} artifacts and {} files ({} bytes)", swept.jobs(),
                    swept.artifacts(), swept.files(), swept.bytes());
        }
        return swept;
    }

    /**
     * Removes what a crash can leave in the artifact folder: temporary files of interrupted writes, and files no
     * artifact refers to (written, but the platform died before their record was). Only files older than
     * {@link #ORPHAN_GRACE} are touched.
     *
     * @return the files removed
     */
    int removeOrphans(Instant now) throws IOException {
        int n = 0;
        Instant before = now.minus(ORPHAN_GRACE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(store.dir())) {
            for (Path f : files) {
                if (!Files.isRegularFile(f) || Files.getLastModifiedTime(f).toInstant().isAfter(before)) {
                    continue;
                }
                String name = f.getFileName().toString();
                if (name.startsWith(".")) {
                    Files.deleteIfExists(f);
                    n++;
                } else if (store.deleteIfUnreferenced(name) >= 0) {
                    n++;
                }
            }
        }
        if (n > 0) {
            LOG.info("Removed {} files that no artifact refers to", n);
        }
        return n;
    }

    private record Totals(int jobs, int artifacts, int files, long bytes) {
        Totals plus(Totals o) {
            return new Totals(jobs + o.jobs, artifacts + o.artifacts, files + o.files, bytes + o.bytes);
        }
    }

    private Totals delete(List<String> jobIds) {
        Totals t = new Totals(0, 0, 0, 0);
        for (int from = 0; from < jobIds.size(); from += BATCH) {
            List<String> batch = jobIds.subList(from, Math.min(jobIds.size(), from + BATCH));
            String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
            Set<String> shas = new LinkedHashSet<>();
            int[] counts;
            try {
                counts = db.call(c -> {
                    shas.clear(); // a retried attempt starts again
                    boolean auto = c.getAutoCommit();
                    c.setAutoCommit(false);
                    try {
                        try (PreparedStatement p = c.prepareStatement(
                                "SELECT DISTINCT sha256 FROM atelier_artifacts WHERE job_id IN (" + marks + ")")) {
                            bind(p, batch);
                            try (ResultSet r = p.executeQuery()) {
                                while (r.next()) {
                                    shas.add(r.getString(1));
                                }
                            }
                        }
                        int a;
                        try (PreparedStatement p = c.prepareStatement(
                                "DELETE FROM atelier_artifacts WHERE job_id IN (" + marks + ")")) {
                            bind(p, batch);
                            a = p.executeUpdate();
                        }
                        int j;
                        try (PreparedStatement p = c.prepareStatement(
                                "DELETE FROM atelier_jobs WHERE " + FINISHED + " AND id IN (" + marks + ")")) {
                            bind(p, batch);
                            j = p.executeUpdate();
                        }
                        c.commit();
                        return new int[] {j, a};
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(auto);
                    }
                });
            } catch (SQLException e) {
                throw JobStore.failure(e);
            }
            int jobs = counts[0];
            int artifacts = counts[1];
            int files = 0;
            long bytes = 0;
            for (String sha : shas) {
                try {
                    long size = store.deleteIfUnreferenced(sha);
                    if (size >= 0) {
                        files++;
                        bytes += size;
                    }
                } catch (IOException e) {
                    LOG.warn("Artifact file {} could not be deleted; the next sweep tries again", sha, e);
                }
            }
            t = t.plus(new Totals(jobs, artifacts, files, bytes));
        }
        return t;
    }

    /** The size of the artifact files: each file once, however many artifacts share it. */
    private long totalBytes() {
        try {
            return db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT COALESCE(SUM(b), 0) FROM (SELECT sha256, MAX(bytes) AS b FROM atelier_artifacts "
                                + "GROUP BY sha256) f");
                     ResultSet r = p.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
    }

    private List<String> ids(String sql, JobStore.Binder binder) {
        List<String> out = new ArrayList<>();
        try {
            db.call(c -> {
                out.clear();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    binder.bind(p);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.add(r.getString(1));
                        }
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
        return out;
    }

    private static void bind(PreparedStatement p, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            p.setString(i + 1, values.get(i));
        }
    }
}
