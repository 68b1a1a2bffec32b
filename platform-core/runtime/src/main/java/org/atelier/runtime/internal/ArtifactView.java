package org.atelier.runtime.internal;

import org.atelier.api.Artifact;
import org.atelier.runtime.ArtifactInfo;

/** A stored artifact as the API shows it. */
record ArtifactView(ArtifactInfo info) implements Artifact {
    @Override
    public String id() {
        return info.id();
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public String mediaType() {
        return info.mediaType();
    }

    @Override
    public long bytes() {
        return info.bytes();
    }

    @Override
    public String sha256() {
        return info.sha256();
    }

    @Override
    public boolean partial() {
        return info.partial();
    }
}
