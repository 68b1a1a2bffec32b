package org.atelier.runtime;

import org.atelier.api.labels.AigcLabel;

/**
 * The AIGC label of a stored artifact.
 *
 * @param label the implicit label
 * @param embedded {@code true} when it was read back from the file itself; {@code false} for a format the platform
 *        cannot write a label into, whose label is kept beside it
 */
public record ArtifactLabel(AigcLabel label, boolean embedded) {
}
