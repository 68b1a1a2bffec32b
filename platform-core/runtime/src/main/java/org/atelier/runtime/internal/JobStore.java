package org.atelier.runtime.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobService;
import org.atelier.runtime.JobState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jobs in the database, and the ones queued or running also in memory, where their progress changes and listeners
 * follow them. Every state change is written at once, so a crash loses no finished job; a job that was queued or
 * running when the platform stopped is marked failed when it starts again.
 */
final class JobStore {

    static final String INTERRUPTED = "interrupted: the platform stopped while this job was queued or running; "
            + "run it again";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final ArtifactStore artifacts;
    private final Map<String, JobRecord> live = new ConcurrentHashMap<>();

    JobStore(Database db, ArtifactStore artifacts, Instant now) {
        this.db = db;
        this.artifacts = artifacts;
        update("UPDATE atelier_jobs SET state = ?, message = ?, finished = ? WHERE state IN (?, ?)", p -> {
            p.setString(1, JobState.FAILED.wireName());
            p.setString(2, INTERRUPTED);
            p.setObject(3, Database.time(now));
            p.setString(4, JobState.QUEUED.wireName());
            p.setString(5, JobState.RUNNING.wireName());
        });
    }

    /** Records a new job; from now on its state changes are written as they happen. */
    void add(JobRecord r) {
        Job j = r.snapshot();
        update("INSERT INTO atelier_jobs (id, generator, state, progress, message, result, created, finished, owner, "
                + "parent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p -> {
                    p.setString(1, j.id());
                    p.setString(2, j.generator());
                    p.setString(3, j.state().wireName());
                    p.setDouble(4, j.progress());
                    p.setString(5, j.message());
                    p.setString(6, j.result() == null ? null : j.result().toString());
                    p.setObject(7, Database.time(j.created()));
                    p.setObject(8, Database.time(j.finished()));
                    p.setString(9, j.owner());
                    p.setString(10, j.parent());
                });
        live.put(r.id, r);
    }

    /** Writes a state change; a finished job leaves memory. */
    void changed(Job j) {
        try {
            update("UPDATE atelier_jobs SET state = ?, progress = ?, message = ?, result = ?, finished = ?, details = ? "
                    + "WHERE id = ?", p -> {
                        p.setString(1, j.state().wireName());
                        p.setDouble(2, j.progress());
                        p.setString(3, j.message());
                        p.setString(4, j.result() == null ? null : j.result().toString());
                        p.setObject(5, Database.time(j.finished()));
                        p.setString(6, j.details() == null ? null : j.details().toString());
                        p.setString(7, j.id());
                    });
        } finally {
            if (j.state().finished()) {
                live.remove(j.id());
            }
        }
    }

    /** @return the job while it is queued or running */
    JobRecord live(String id) {
        return id == null ? null : live.get(id);
    }

    Optional<Job> find(String id) {
        JobRecord r = live(id);
        if (r != null) {
            return Optional.of(r.snapshot());
        }
        List<Job> found = query("SELECT * FROM atelier_jobs WHERE id = ?", p -> p.setString(1, id));
        return found.stream().findFirst();
    }

    JobService.Page list(JobState state, String generator, String owner, int offset, int limit) {
        return list(state, generator, owner, null, offset, limit);
    }

    /** @param parent only the sub-jobs of this job, or {@code null} */
    JobService.Page list(JobState state, String generator, String owner, String parent, int offset, int limit) {
        String where = " WHERE (CAST(? AS VARCHAR(16)) IS NULL OR state = ?) AND (CAST(? AS VARCHAR(200)) IS NULL "
                + "OR generator = ?) AND (CAST(? AS VARCHAR(64)) IS NULL OR owner = ?) "
                + "AND (CAST(? AS VARCHAR(64)) IS NULL OR parent = ?)";
        Binder filter = p -> {
            String s = state == null ? null : state.wireName();
            p.setString(1, s);
            p.setString(2, s);
            p.setString(3, generator);
            p.setString(4, generator);
            p.setString(5, owner);
            p.setString(6, owner);
            p.setString(7, parent);
            p.setString(8, parent);
        };
        List<Job> page = query("SELECT * FROM atelier_jobs" + where + " ORDER BY created DESC, id OFFSET ? ROWS "
                + "FETCH NEXT ? ROWS ONLY", p -> {
                    filter.bind(p);
                    p.setInt(9, offset);
                    p.setInt(10, limit);
                });
        int total;
        try {
            total = db.call(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM atelier_jobs" + where)) {
                    filter.bind(p);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        return r.getInt(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
        return new JobService.Page(page, total);
    }

    /** Reads the rows, closes the connection, then adds all their artifacts in one query: one connection at a time. */
    private List<Job> query(String sql, Binder binder) {
        List<Job> rows;
        try {
            rows = db.call(c -> {
                List<Job> read = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    binder.bind(p);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            read.add(row(r));
                        }
                    }
                }
                return read;
            });
        } catch (SQLException e) {
            throw failure(e);
        }
        List<String> ids = rows.stream().map(Job::id).toList();
        Map<String, List<ArtifactInfo>> written = artifacts.byJobs(ids);
        Map<String, ArtifactInfo> previews = artifacts.previews(ids);
        List<Job> out = new ArrayList<>(rows.size());
        for (Job j : rows) {
            JobRecord running = live(j.id());
            out.add(running != null ? running.snapshot() : new Job(j.id(), j.generator(), j.state(), j.progress(),
                    j.message(), j.result(), written.getOrDefault(j.id(), List.of()), j.created(), j.finished(),
                    j.owner(), j.parent(), j.details(), previews.get(j.id())));
        }
        return out;
    }

    private static Job row(ResultSet r) throws SQLException {
        String result = r.getString("result");
        JsonNode node;
        try {
            node = result == null ? null : JSON.readTree(result);
        } catch (java.io.IOException e) {
            node = null;
        }
        String details = r.getString("details");
        ObjectNode detailsNode;
        try {
            detailsNode = details == null || !(JSON.readTree(details) instanceof ObjectNode o) ? null : o;
        } catch (java.io.IOException e) {
            detailsNode = null;
        }
        return new Job(r.getString("id"), r.getString("generator"), JobState.parse(r.getString("state")),
                r.getDouble("progress"), r.getString("message"), node, List.of(), Database.instant(r, "created"),
                Database.instant(r, "finished"), r.getString("owner"), r.getString("parent"), detailsNode, null);
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement p) throws SQLException;
    }

    private void update(String sql, Binder binder) {
        try {
            db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    binder.bind(p);
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("the database failed: " + e.getMessage(), e);
    }
}
