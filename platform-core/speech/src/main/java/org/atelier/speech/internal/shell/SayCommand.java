package org.atelier.speech.internal.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.api.InvalidInputException;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechProfiles;
import org.atelier.api.speech.SpeechRequest;
import org.atelier.api.speech.SpeechSynthesizer;
import org.atelier.api.speech.Timing;
import org.atelier.api.labels.LiveLabels;

/**
 * {@code atelier:say [--profile P] [--voice V] [--language L] [--out FILE.wav] TEXT}: speaks, to the sound card or a
 * file. A file carries the AIGC label; with a profile, the person's voice and lexicon apply, the audible label goes
 * first if they chose it, and what was said goes to their history.
 */
@Command(scope = "atelier", name = "say", description = "Speaks text (or SSML) with a voice, to a WAV file or aloud")
@Service
public class SayCommand implements Action {

    @Reference
    SpeechSynthesizer speech;

    @Reference
    LiveLabels labels;

    @Reference(optional = true)
    SpeechProfiles profiles;

    @Option(name = "--profile", description = "a person's profile: voice, prosody, lexicon, history")
    String profile;

    @Option(name = "--voice", description = "voice id (atelier:voices)")
    String voice;

    @Option(name = "--language", description = "language, e.g. en, de, zh (when no voice is named)")
    String language;

    @Option(name = "--out", description = "write a WAV file instead of playing")
    String out;

    @Option(name = "--rate", description = "speaking rate, 1 is normal (0.25 to 4)")
    double rate = 1;

    @Option(name = "--ssml", description = "the text is SSML")
    boolean ssml;

    @Option(name = "--timings", description = "print when each word is heard")
    boolean timings;

    @Argument(index = 0, name = "text", description = "what to say", required = true, multiValued = true)
    List<String> text;

    @Override
    public Object execute() throws Exception {
        SpeechRequest request = new SpeechRequest(String.join(" ", text), ssml, language, voice, rate, 1, 1,
                Map.of());
        boolean explicit = false;
        if (profile != null) {
            if (profiles == null) {
                throw new IllegalArgumentException("profile: there are no profiles here; install atelier-medical");
            }
            SpeechProfiles.Applied applied = profiles.apply(profile, request)
                    .orElseThrow(() -> new IllegalArgumentException("profile: there is no profile '" + profile + "'"));
            request = applied.request();
            explicit = applied.explicitLabel();
        }
        Speech s;
        try {
            s = speech.speak(request);
        } catch (InvalidInputException e) {
            throw new IllegalArgumentException(e.errors().get(0).field() + ": " + e.errors().get(0).message());
        }
        if (profile != null) {
            profiles.spoken(profile, request);
        }
        if (out != null) {
            Path file = Path.of(out).toAbsolutePath();
            Files.write(file, labels.labelWav(s.wav(), labels.newLabel("speech/say"), explicit));
            System.out.println(file + ": " + s.durationMs() + " ms, voice " + s.voice().id());
        } else {
            play(s, explicit ? labels.audioCue(s.sampleRate()) : new byte[0]);
            System.out.println("said with " + s.voice().id() + " (" + s.durationMs() + " ms)");
        }
        if (timings) {
            for (Timing t : s.words()) {
                System.out.printf("  %6d %6d  %s%n", t.startMs(), t.endMs(), t.text());
            }
        }
        return null;
    }

    private static void play(Speech s, byte[] cue) throws LineUnavailableException {
        AudioFormat format = new AudioFormat(s.sampleRate(), 16, 1, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
        } catch (IllegalArgumentException | LineUnavailableException e) {
            throw new IllegalStateException("this machine has no sound output: write a file with --out FILE.wav");
        }
        line.open(format);
        line.start();
        byte[] pcm = Speech.pcm(s.samples());
        line.write(cue, 0, cue.length);
        line.write(pcm, 0, pcm.length);
        line.drain();
        line.close();
    }
}
