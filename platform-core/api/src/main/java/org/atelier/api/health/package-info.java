/**
 * Readiness: what a bundle tells the platform while a capability it brings is still starting.
 *
 * <p>A bundle that starts an engine at boot (a speech engine, an embedded server) registers a {@link
 * org.atelier.api.health.Starting} service the moment it begins and unregisters it when the engine serves (or has
 * given up). {@code GET /api/v1/health/ready} answers 503 while any is registered, naming each, and {@code ./atelier
 * start} waits for that. A request that needs a capability that is still starting is answered 503 with {@code
 * Retry-After} ({@link org.atelier.api.health.StartingException}), never a 4xx that blames the caller. Models that
 * load on first use and training in the background are not boot-time engines: they register nothing here.
 *
 * @since 1.0.0
 */
@Export
@Version("1.0.0")
package org.atelier.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
