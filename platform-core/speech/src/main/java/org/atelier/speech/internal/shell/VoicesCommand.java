package org.atelier.speech.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.speech.Voice;

/** {@code atelier:voices [--language L]}: the voices of every speech engine present. */
@Command(scope = "atelier", name = "voices", description = "Lists the voices of the speech engines present")
@Service
public class VoicesCommand implements Action {

    @Reference
    SpeechSynthesizer speech;

    @Option(name = "--language", description = "only voices that speak this language")
    String language;

    @Override
    public Object execute() {
        System.out.printf("%-32s %-10s %-8s %s%n", "VOICE", "LANGUAGE", "GENDER", "ENGINE");
        for (Voice v : speech.voices()) {
            if (language == null || v.speaks(language)) {
                System.out.printf("%-32s %-10s %-8s %s%n", v.id(), v.language(), v.gender().wireName(), v.engine());
            }
        }
        return null;
    }
}
