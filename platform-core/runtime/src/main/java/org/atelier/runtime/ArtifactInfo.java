package org.atelier.runtime;

/**
 * An artifact as listed in a job.
 *
 * @param id opaque id
 * @param name file name given by the generator
 * @param mediaType media type
 * @param bytes size
 * @param sha256 SHA-256 of the content, lower-case hex
 * @param partial whether it was written after its job was asked to stop: complete as a file, but of an unfinished
 *        job (the last iterate of a cancelled optimisation, say)
 */
public record ArtifactInfo(String id, String name, String mediaType, long bytes, String sha256, boolean partial) {

    /** An artifact of a job that ran to its end. */
    public ArtifactInfo(String id, String name, String mediaType, long bytes, String sha256) {
        this(id, name, mediaType, bytes, sha256, false);
    }
}
