package org.atelier.api.speech;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * People's voice profiles, provided by a vertical that keeps them (the AAC voice does): a person's voice, prosody,
 * languages and pronunciations, applied to what they say. The platform's own tools (the {@code atelier:say} command)
 * use it when it is there; it may come and go.
 */
@ConsumerType
public interface SpeechProfiles {

    /**
     * @param profile a profile id
     * @param request what to say; what it sets itself (a voice, a language, a rate other than 1, lexicon entries) wins
     *        over the profile
     * @return the request with the profile applied, or empty when there is no such profile
     */
    Optional<Applied> apply(String profile, SpeechRequest request);

    /**
     * Notes that the person said something, for their history and their word prediction, when they keep a history.
     *
     * @param profile a profile id
     * @param request what was said, as {@link #apply} returned it
     */
    void spoken(String profile, SpeechRequest request);

    /**
     * A request with a profile applied.
     *
     * @param request what to speak
     * @param explicitLabel whether the person wants the audible AIGC label before their speech (off by default: the
     *        person speaks through the device)
     */
    record Applied(SpeechRequest request, boolean explicitLabel) {
    }
}
