/**
 * The platform's runtime as the platform's own bundles (REST, shell) see it: the registry of generators, invocation
 * with validation and limits, jobs and artifacts. Partners use {@link org.atelier.api} instead.
 */
@Export
@Version("1.4.0")
package org.atelier.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
