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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.atelier.api.GenerationContext.ArtifactWriter;
import org.atelier.runtime.AigcLabel;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.ArtifactLabel;
import org.atelier.runtime.StoredArtifact;
import org.atelier.runtime.internal.labels.Labels;

/**
 * Content-addressed files: each artifact's bytes are written to a temporary file, labelled as AI-generated, hashed,
 * and moved atomically to a file named by their SHA-256, so a crash never leaves a half-written artifact under its
 * name.
 * Ids are random and opaque; no path from a request reaches the file system. The id index is held in memory for
 * now (the platform-services work moves it into the database).
 */
final class ArtifactStore {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-zA-Z0-9][\\w.+-]*/[a-zA-Z0-9][\\w.+-]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, ArtifactInfo> index = new ConcurrentHashMap<>();
    private final Map<String, AigcLabel> labelsById = new ConcurrentHashMap<>();
    private final Labels labels = new Labels();

    /**
     * How an artifact is labelled.
     *
     * @param producer ContentProducer
     * @param generator the generator, {@code vertical/id}, written as ReservedCode1
     * @param explicit whether to add a perceivable label
     */
    record Labelling(String producer, String generator, boolean explicit) {
    }

    ArtifactStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    Path dir() {
        return dir;
    }

    /**
     * Stores an artifact with its AIGC label: inside the file where the format has a place for one (PNG, WAV, SVG,
     * JSON, Markdown, text), beside it otherwise.
     *
     * @throws IllegalArgumentException when the name or media type is not valid, or the content is not what its
     *         media type says
     */
    ArtifactInfo write(String name, String mediaType, ArtifactWriter writer, Labelling labelling) throws IOException {
        checkName(name);
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
        String id = newId();
        AigcLabel label = new AigcLabel(AigcLabel.GENERATED, labelling.producer(), id, labelling.generator(), "", "",
                "");
        Path raw = Files.createTempFile(dir, ".incoming-", ".tmp");
        Path labelled = null;
        try {
            try (OutputStream file = Files.newOutputStream(raw)) {
                writer.writeTo(file);
            }
            Path content = raw;
            if (labels.supports(mediaType)) {
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
            ArtifactInfo info = new ArtifactInfo(id, name, mediaType, size, sha);
            labelsById.put(id, label);
            index.put(id, info);
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
        ArtifactInfo info = id == null ? null : index.get(id);
        if (info == null) {
            return Optional.empty();
        }
        if (labels.supports(info.mediaType())) {
            Optional<AigcLabel> read = labels.read(Files.readAllBytes(dir.resolve(info.sha256())));
            return read.map(l -> new ArtifactLabel(l, true));
        }
        return Optional.ofNullable(labelsById.get(id)).map(l -> new ArtifactLabel(l, false));
    }

    Labels labels() {
        return labels;
    }

    Optional<StoredArtifact> find(String id) {
        ArtifactInfo info = id == null ? null : index.get(id);
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
        });
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
