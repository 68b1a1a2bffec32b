package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.atelier.api.speech.SpeechEngine;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/** Speech in the distribution: MaryTTS starts inside Karaf, atelier:say writes a WAV, bad requests are named. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SpeechIT extends AtelierTestSupport {

    @Configuration
    public Option[] config() {
        return baseConfig();
    }

    @Test
    public void maryTtsSpeaksEnglishThroughTheShellAndComesBackAfterARestart() throws Exception {
        await("MaryTTS offers its engine", Duration.ofSeconds(90),
                () -> bundleContext.getServiceReference(SpeechEngine.class) != null);
        assertThat(executeCommand("atelier:voices")).contains("marytts:cmu-slt-hsmm").contains("en-US");

        Path wav = Files.createTempFile("say-", ".wav");
        String said = executeCommand("atelier:say --timings --out " + wav + " I need help, please.");
        assertThat(said).contains("voice marytts:cmu-slt-hsmm").contains(" help");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            assertThat(f.getChannels()).isEqualTo(1);
            double seconds = in.getFrameLength() / f.getFrameRate();
            assertThat(seconds).isBetween(0.8, 4.0);
        }

        assertThat(executeCommand("atelier:say --language fr --out " + wav + " Bonjour"))
                .contains("no speech engine speaks 'fr'");
        assertThat(executeCommand("atelier:say --voice nobody --out " + wav + " Hi")).contains("voice: no voice");
        assertThat(executeCommand("atelier:say --ssml --out " + wav + " '<speak>unclosed'"))
                .contains("text: malformed SSML");
        assertThat(executeCommand("atelier:say --rate 9 --out " + wav + " Hi")).contains("rate: must be from");

        // hot swap: the engine leaves with its bundle and comes back
        Bundle mary = bundle("org.atelier.speech.marytts");
        mary.stop();
        assertThat(executeCommand("atelier:say --out " + wav + " Hello")).contains("no engine is present");
        mary.start();
        await("MaryTTS is back", Duration.ofSeconds(90),
                () -> bundleContext.getServiceReference(SpeechEngine.class) != null);
        assertThat(executeCommand("atelier:say --out " + wav + " Hello again")).contains("marytts:cmu-slt-hsmm");
    }
}
