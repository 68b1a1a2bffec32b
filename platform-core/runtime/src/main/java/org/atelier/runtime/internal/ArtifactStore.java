package org.atelier.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.atelier.api.GenerationContext.ArtifactWriter;
import org.atelier.api.labels.AigcLabel;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.ArtifactLabel;
import org.atelier.runtime.StoredArtifact;
import org.atelier.runtime.internal.labels.Labels;

/**
 * Content-addressed files: each artifact's bytes are written to a temporary file, labelled as AI-generated, hashed,
 * and moved atomically to a file named by their SHA-256, so a crash never leaves a half-written artifact under its
 * name.
 * Ids are random and opaque; no path from a request reaches the file system. The id index is held in memory for
 * in the database.
 */
final class ArtifactStore {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-zA-Z0-9][\\w.+-]*/[a-zA-Z0-9][\\w.+-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final com.fasterxml.jackson.databind.ObjectMapper LABEL_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final Path dir;
    private final Database db;
    private final Labels labels = new Labels();
    private final java.util.concurrent.locks.ReadWriteLock placement =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /**
     * How an artifact is labelled.
     *
     * @param producer ContentProducer
     * @param generator the generator, {@code vertical/id}, written as ReservedCode1
     * @param explicit whether to add a perceivable label
     */
    record Labelling(String producer, String generator, boolean explicit) {

        /** @return the label of the artifact with this id */
        AigcLabel label(String id) {
            return new AigcLabel(AigcLabel.GENERATED, producer, id, generator, "", "", "");
        }
    }

    ArtifactStore(Path dir, Database db) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.db = db;
    }

    Path dir() {
        return dir;
    }

    /**
     * Stores an artifact with its AIGC label: inside the file where the format has a place for one (PNG, JPEG, WAV,
     * MIDI, PDF, MP4, STL, SVG, JSON, Markdown, text), beside it otherwise; see also {@link #writeSidecar}.
     *
     * @throws IllegalArgumentException when the name or media type is not valid, or the content is not what its
     *         media type says
     */
    ArtifactInfo write(String jobId, String name, String mediaType, ArtifactWriter writer, Labelling labelling)
            throws IOException {
        return write(jobId, name, mediaType, writer, labelling, null, false, false);
    }

    /**
     * As {@link #write(String, String, String, ArtifactWriter, Labelling)}, for an artifact written after its job was
     * asked to stop when {@code partial}; a writer that fails leaves nothing recorded and no temporary file.
     */
    ArtifactInfo write(String jobId, String name, String mediaType, ArtifactWriter writer, Labelling labelling,
            boolean partial) throws IOException {
        return write(jobId, name, mediaType, writer, labelling, null, partial, false);
    }

    /**
     * Stores a job's preview: labelled like an artifact, fetched like one, but not listed among the job's artifacts
     * ({@link #byJobs}); see {@link #previews} and {@link #deletePreview}.
     *
     * @throws IllegalArgumentException also for a media type whose label needs a file beside it (binary STL)
     */
    ArtifactInfo writePreview(String jobId, String name, String mediaType, ArtifactWriter writer, Labelling labelling)
            throws IOException {
        if (mediaType != null && labels.needsSidecar(mediaType)) {
            throw new IllegalArgumentException("a preview cannot be " + mediaType
                    + ": its label needs a file beside it; show a picture instead");
        }
        return write(jobId, name, mediaType, writer, labelling, null, false, true);
    }

    /**
     * Deletes a preview that a newer one replaced: its record, then its file unless another artifact has the same
     * bytes.
     */
    void deletePreview(ArtifactInfo preview) throws IOException {
        try {
            db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "DELETE FROM atelier_artifacts WHERE id = ? AND preview = TRUE")) {
                    p.setString(1, preview.id());
                    return p.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
        deleteIfUnreferenced(preview.sha256());
    }

    /** The current preview of each of some jobs that has one, in one query. */
    Map<String, ArtifactInfo> previews(List<String> jobIds) {
        Map<String, ArtifactInfo> out = new java.util.HashMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(jobIds.size(), "?"));
        try {
            db.call(c -> {
                try (PreparedStatement p = c.prepareStatement("SELECT * FROM atelier_artifacts WHERE job_id IN ("
                        + marks + ") AND preview = TRUE ORDER BY created, id")) {
                    for (int i = 0; i < jobIds.size(); i++) {
                        p.setString(i + 1, jobIds.get(i));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            // the newest wins, should a crash have left an older one
                            out.put(r.getString("job_id"), info(r));
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

    /**
     * Stores the whole label of an artifact whose file has room for part of it only (binary STL) beside it, as
     * {@code <name>.aigc.json} ({@code {"AIGC":{…}}}) of the same job. The sidecar is stored as it is and its label is
     * the artifact's, so reading either gives the artifact's label.
     *
     * @return the sidecar, when the artifact's format needs one
     */
    Optional<ArtifactInfo> writeSidecar(String jobId, ArtifactInfo of, Labelling labelling) throws IOException {
        return writeSidecar(jobId, of, labelling, of.partial());
    }

    private Optional<ArtifactInfo> writeSidecar(String jobId, ArtifactInfo of, Labelling labelling, boolean partial)
            throws IOException {
        AigcLabel label = labelling.label(of.id());
        Optional<byte[]> json = labels.sidecar(of.mediaType(), label);
        if (json.isEmpty()) {
            return Optional.empty();
        }
        String name = of.name().length() > 245 ? of.name().substring(0, 245) : of.name();
        return Optional.of(write(jobId, name + ".aigc.json", "application/json", out -> out.write(json.get()),
                labelling, label, partial, false));
    }

    /** @param given the label of content stored as it is (a sidecar), or {@code null} to label the content */
    private ArtifactInfo write(String jobId, String name, String mediaType, ArtifactWriter writer, Labelling labelling,
            AigcLabel given, boolean partial, boolean preview) throws IOException {
        checkName(name);
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
        String id = newId();
        AigcLabel label = given != null ? given : labelling.label(id);
        Path raw = Files.createTempFile(dir, ".incoming-", ".tmp");
        Path labelled = null;
        try {
            try (OutputStream file = Files.newOutputStream(raw)) {
                writer.writeTo(file);
            }
            Path content = raw;
            if (given == null && labels.supports(mediaType)) {
                byte[] bytes;
                try {
                    bytes = labels.write(mediaType, Files.readAllBytes(raw), label, labelling.explicit());
                } catch (IOException e) {
                    throw new IllegalArgumentException("the content of " + name + " is not valid " + mediaType
                            + ": " + e.getMessage());
                }
                labelled = Files.createTempFile(dir, ".labelled-", ".tmp");
                Files.write(labelled, bytes);
                content = labelled;
            }
            MessageDigest digest = sha256();
            long size;
            try (InputStream in = Files.newInputStream(content);
                 OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
                size = in.transferTo(sink);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            ArtifactInfo info = new ArtifactInfo(id, name, mediaType, size, sha, partial);
            // placing the file and recording it are one step for retention, which deletes unreferenced files
            placement.readLock().lock();
            try {
                Path target = dir.resolve(sha);
                if (!Files.exists(target)) {
                    try {
                        Files.move(content, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (FileAlreadyExistsException e) {
                        // the same bytes are there already
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(content, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                String labelJson = LABEL_JSON.writeValueAsString(label.fields());
                try {
                    db.call(c -> {
                        try (PreparedStatement p = c.prepareStatement(
                                "INSERT INTO atelier_artifacts (id, job_id, name, media_type, bytes, sha256, label, "
                                + "created, partial, preview) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                            p.setString(1, id);
                            p.setString(2, jobId);
                            p.setString(3, name);
                            p.setString(4, mediaType);
                            p.setLong(5, size);
                            p.setString(6, sha);
                            p.setString(7, labelJson);
                            p.setObject(8, Database.time(java.time.Instant.now()));
                            p.setBoolean(9, partial);
                            p.setBoolean(10, preview);
                            return p.executeUpdate();
                        }
                    });
                } catch (SQLException e) {
                    throw JobStore.failure(e);
                }
            } finally {
                placement.readLock().unlock();
            }
            return info;
        } finally {
            Files.deleteIfExists(raw);
            if (labelled != null) {
                Files.deleteIfExists(labelled);
            }
        }
    }

    /** The label of an artifact, read back from its file where the format carries one. */
    Optional<ArtifactLabel> label(String id) throws IOException {
        Optional<ArtifactInfo> info = info(id);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        if (labels.supports(info.get().mediaType())) {
            Optional<AigcLabel> read = labels.read(Files.readAllBytes(dir.resolve(info.get().sha256())));
            return read.map(l -> new ArtifactLabel(l, true));
        }
        String json = single("SELECT label FROM atelier_artifacts WHERE id = ?", id, r -> r.getString(1));
        if (json == null) {
            return Optional.empty();
        }
        Map<String, String> fields = LABEL_JSON.readValue(json,
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { });
        return Optional.of(new ArtifactLabel(AigcLabel.of(fields), false));
    }

    /** The artifacts of some jobs, each job's in the order they were written, in one query; previews are not. */
    Map<String, List<ArtifactInfo>> byJobs(List<String> jobIds) {
        Map<String, List<ArtifactInfo>> out = new java.util.HashMap<>();
        if (jobIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(jobIds.size(), "?"));
        try {
            db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT * FROM atelier_artifacts WHERE job_id IN (" + marks + ") AND preview = FALSE "
                        + "ORDER BY created, id")) {
                    for (int i = 0; i < jobIds.size(); i++) {
                        p.setString(i + 1, jobIds.get(i));
                    }
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            out.computeIfAbsent(r.getString("job_id"), k -> new java.util.ArrayList<>()).add(info(r));
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

    private Optional<ArtifactInfo> info(String id) {
        return Optional.ofNullable(id == null ? null
                : single("SELECT * FROM atelier_artifacts WHERE id = ?", id, ArtifactStore::info));
    }

    private static ArtifactInfo info(ResultSet r) throws SQLException {
        return new ArtifactInfo(r.getString("id"), r.getString("name"), r.getString("media_type"), r.getLong("bytes"),
                r.getString("sha256"), r.getBoolean("partial"));
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private <T> T single(String sql, String id, Row<T> row) {
        try {
            return db.call(c -> {
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setString(1, id);
                    try (ResultSet r = p.executeQuery()) {
                        return r.next() ? row.read(r) : null;
                    }
                }
            });
        } catch (SQLException e) {
            throw JobStore.failure(e);
        }
    }

    Optional<StoredArtifact> find(String id) {
        String[] owner = new String[1];
        ArtifactInfo info = id == null ? null : single("SELECT a.*, j.owner FROM atelier_artifacts a "
                + "LEFT JOIN atelier_jobs j ON j.id = a.job_id WHERE a.id = ?", id, r -> {
                    owner[0] = r.getString("owner");
                    return info(r);
                });
        if (info == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(info.sha256());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new StoredArtifact() {
            @Override
            public ArtifactInfo info() {
                return info;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String owner() {
                return owner[0];
            }
        });
    }

    /**
     * Deletes a content file unless an artifact still refers to it; writes that place a file and record it wait
     * meanwhile, so a file is never deleted under a new record.
     *
     * @param sha256 the file's name
     * @return the bytes freed, or -1 when the file is still referred to, is not there, or is not a content file
     */
    long deleteIfUnreferenced(String sha256) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            return -1;
        }
        placement.writeLock().lock();
        try {
            if (single("SELECT id FROM atelier_artifacts WHERE sha256 = ? FETCH FIRST 1 ROWS ONLY", sha256,
                    r -> r.getString(1)) != null) {
                return -1;
            }
            Path file = dir.resolve(sha256);
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            return Files.deleteIfExists(file) ? size : -1;
        } finally {
            placement.writeLock().unlock();
        }
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 255 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("not a file name: " + name);
        }
    }

    private static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "a" + HexFormat.of().formatHex(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
