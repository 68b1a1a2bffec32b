/**
 * Speech for every vertical that speaks (the AAC voice, the virtual anchor and teacher, broadcasts): synthesis from
 * text or an SSML subset to 16-bit PCM with word and phoneme timings, engines as pluggable services chosen by
 * language and voice, and recognition with word timings.
 *
 * <p>Verticals use {@link org.atelier.api.speech.SpeechSynthesizer} and
 * {@link org.atelier.api.speech.SpeechRecognizer}, which the platform provides. Engines register as
 * {@link org.atelier.api.speech.SpeechEngine} services, any number of them, coming and going.
 */
@Export
@Version("1.1.0")
package org.atelier.api.speech;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
