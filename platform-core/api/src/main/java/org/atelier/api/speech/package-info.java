/**
 * Speech for every vertical that speaks (the AAC voice, the virtual anchor and teacher, broadcasts): synthesis from
 * text or an SSML subset to 16-bit PCM with word and phoneme timings, engines as pluggable services chosen by
 * language and voice, and recognition with word timings.
 *
 * <p>Verticals use {@link org.atelier.api.speech.SpeechSynthesizer} and
 * {@link org.atelier.api.speech.SpeechRecognizer}, which the platform provides. Engines register as
 * {@link org.atelier.api.speech.SpeechEngine} services, any number of them, coming and going.
 *
 * <p>1.1: engines may stream within a sentence ({@code SpeechEngine.synthesize(Voice, List, Consumer)}) and say which
 * IPA phonemes they cannot speak ({@code SpeechEngine.unknownPhonemes}); both are default methods, so an engine built
 * against 1.0 works unchanged.
 *
 * <p>1.2: {@code SpeechSynthesizer.maxTextChars()} says the longest text accepted, so that schemas state it.
 */
@Export
@Version("1.2.0")
package org.atelier.api.speech;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
