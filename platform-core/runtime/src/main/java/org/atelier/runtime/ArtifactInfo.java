package org.atelier.runtime;

/**
 * An artifact as listed in a job.
 *
 * @param id opaque id
 * @param name file name given by the generator
 * @param mediaType media type
 * @param bytes size
 * @param sha256 SHA-256 of the content, lower-case hex
 */
public record ArtifactInfo(String id, String name, String mediaType, long bytes, String sha256) {
}
