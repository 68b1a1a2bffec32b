package org.atelier.runtime;

import org.osgi.annotation.versioning.ConsumerType;

/** A service whose metrics {@code GET /api/v1/metrics} serves, in the Prometheus text format (version 0.0.4). */
@ConsumerType
public interface MetricsSource {

    /**
     * Appends this source's metric families, each with its {@code # HELP} and {@code # TYPE} lines.
     *
     * @param out where to write
     */
    void writeMetrics(StringBuilder out);
}
