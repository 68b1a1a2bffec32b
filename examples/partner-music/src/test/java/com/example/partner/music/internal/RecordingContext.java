package com.example.partner.music.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;

/** A {@link GenerationContext} for unit tests: keeps artifacts in memory and records progress. */
final class RecordingContext implements GenerationContext {

    /** One stored artifact and its bytes. */
    record Stored(String id, String name, String mediaType, byte[] content) implements Artifact {
        @Override
        public long bytes() {
            return content.length;
        }

        @Override
        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private final List<Double> progress = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final Map<String, Stored> artifacts = new ConcurrentHashMap<>();
    private volatile boolean cancelled;

    @Override
    public String jobId() {
        return "test-job";
    }

    @Override
    public void progress(double fraction, String message) {
        progress.add(fraction);
        messages.add(message);
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public Artifact writeArtifact(String name, String mediaType, byte[] content) {
        Stored s = new Stored("artifact-" + (artifacts.size() + 1), name, mediaType, content.clone());
        artifacts.put(name, s);
        return s;
    }

    @Override
    public Artifact writeArtifact(String name, String mediaType, ArtifactWriter writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(out);
        return writeArtifact(name, mediaType, out.toByteArray());
    }

    List<Double> progress() {
        return progress;
    }

    List<String> messages() {
        return messages;
    }

    Map<String, Stored> artifacts() {
        return artifacts;
    }

    Stored artifact(String name) {
        Stored s = artifacts.get(name);
        if (s == null) {
            throw new AssertionError("no artifact " + name + " among " + artifacts.keySet());
        }
        return s;
    }
}
