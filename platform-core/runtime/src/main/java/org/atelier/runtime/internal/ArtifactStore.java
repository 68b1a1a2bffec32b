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
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.StoredArtifact;

/**
 * Content-addressed files: each artifact's bytes are written to a temporary file, hashed while written, and moved
 * atomically to a file named by their SHA-256, so a crash never leaves a half-written artifact under its name.
 * Ids are random and opaque; no path from a request reaches the file system. The id index is held in memory for
 * now (the platform-services work moves it into the database).
 */
final class ArtifactStore {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-zA-Z0-9][\\w.+-]*/[a-zA-Z0-9][\\w.+-]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<String, ArtifactInfo> index = new ConcurrentHashMap<>();

    ArtifactStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    Path dir() {
        return dir;
    }

    ArtifactInfo write(String name, String mediaType, ArtifactWriter writer) throws IOException {
        checkName(name);
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
        Path tmp = Files.createTempFile(dir, ".incoming-", ".tmp");
        try {
            MessageDigest digest = sha256();
            long size;
            try (OutputStream file = Files.newOutputStream(tmp);
                 CountingOutputStream counting = new CountingOutputStream(new DigestOutputStream(file, digest))) {
                writer.writeTo(counting);
                counting.flush();
                size = counting.count();
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            Path target = dir.resolve(sha);
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(tmp);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ArtifactInfo info = new ArtifactInfo(newId(), name, mediaType, size, sha);
            index.put(info.id(), info);
            return info;
        } finally {
            Files.deleteIfExists(tmp);
        }
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

    /** Counts bytes; closing it closes the wrapped stream. */
    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }
}
