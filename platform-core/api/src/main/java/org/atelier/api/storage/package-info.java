/**
 * A bundle's own tables in the platform's database: the embedded H2 by default, PostgreSQL when the platform is
 * configured so, the same database the platform keeps its jobs in. Reference {@link org.atelier.api.storage.VerticalStorage}
 * and the bundle starts once the database answers, with its tables migrated.
 */
@Export
@Version("1.0.0")
package org.atelier.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
