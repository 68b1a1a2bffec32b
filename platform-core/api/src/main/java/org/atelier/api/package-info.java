/**
 * The public API of Atelier: what a bundle implements to contribute AI-generated content to the platform.
 *
 * <p>A vertical is a set of {@link org.atelier.api.Generator} services. The platform finds them dynamically,
 * validates their input, serves them over REST and the Karaf shell, runs them with concurrency limits and stores
 * their artifacts. Partners compile against this package only.
 */
@Export
@Version("1.3.0")
package org.atelier.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
