/**
 * AIGC labels (《人工智能生成合成内容标识办法》, GB 45438-2025) for what a bundle sends as it is made rather than
 * stores: streamed speech, a chat's Server-Sent Events, a text stream. Stored artifacts are labelled by the platform
 * without a generator's help; these are for the rest.
 */
@Export
@Version("1.0.0")
package org.atelier.api.labels;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
