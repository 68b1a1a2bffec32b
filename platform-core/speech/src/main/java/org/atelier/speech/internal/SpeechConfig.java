package org.atelier.speech.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Atelier speech", description = "Speech synthesis over the engines present")
@interface SpeechConfig {

    String PID = "org.atelier.speech";

    @AttributeDefinition(description = "Longest text spoken at once, in characters")
    int maxTextChars() default 5000;

    @AttributeDefinition(description = "Engines in order of preference when a language is asked for without a voice")
    String[] enginePreference() default {"marytts", "espeak-ng"};

    @AttributeDefinition(description = "Sentences kept ready per voice (frequent phrases speak at once); 0 for none")
    int cachePerVoice() default 64;

    @AttributeDefinition(description = "Language when a request names none")
    String defaultLanguage() default "en";

    @AttributeDefinition(description = "Synthesise the next sentence of a request on another core while the one "
            + "before it is spoken (faster on several cores, the same audio); false to speak sentence after sentence")
    boolean synthesizeAhead() default true;
}
