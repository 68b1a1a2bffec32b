package org.atelier.medical.voice.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of the AAC voice ({@code etc/org.atelier.medical.voice.cfg}). */
@ObjectClassDefinition(name = "Atelier medical voice", description = "Profiles, phrase boards, history and prediction")
public @interface VoiceConfig {

    String PID = "org.atelier.medical.voice";

    @AttributeDefinition(description = "Profiles one API key may keep")
    int maxProfilesPerKey() default 20;

    @AttributeDefinition(description = "Phrase boards per profile")
    int maxBoardsPerProfile() default 100;

    @AttributeDefinition(description = "Phrases per board")
    int maxPhrasesPerBoard() default 200;

    @AttributeDefinition(description = "History entries kept per profile; the oldest go first")
    int maxHistoryPerProfile() default 20000;

    @AttributeDefinition(description = "Largest .obf board accepted for import, in bytes")
    int maxObfBytes() default 1048576;
}
