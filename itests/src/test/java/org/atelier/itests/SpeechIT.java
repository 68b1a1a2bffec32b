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
                SpeechIT.this::maryTtsIsThere);
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

        assertThat(executeCommand("atelier:say --language xx --out " + wav + " Bonjour"))
                .contains("no speech engine speaks 'xx'");
        assertThat(executeCommand("atelier:say --voice nobody --out " + wav + " Hi")).contains("voice: no voice");
        assertThat(executeCommand("atelier:say --ssml --out " + wav + " '<speak>unclosed'"))
                .contains("text: malformed SSML");
        assertThat(executeCommand("atelier:say --rate 9 --out " + wav + " Hi")).contains("rate: must be from");

        // what MaryTTS said, Vosk hears, inside Karaf (JNA loads libvosk from the bundle)
        org.atelier.api.speech.SpeechRecognizer vosk = bundleContext.getService(
                bundleContext.getServiceReference(org.atelier.api.speech.SpeechRecognizer.class));
        org.atelier.api.speech.SpeechSynthesizer speech = bundleContext.getService(
                bundleContext.getServiceReference(org.atelier.api.speech.SpeechSynthesizer.class));
        org.atelier.api.speech.Speech water = speech.speak(
                org.atelier.api.speech.SpeechRequest.of("I would like a glass of water please.", "en"));
        org.atelier.api.speech.Transcript heard = vosk.transcribe(water.samples(), water.sampleRate(), "en");
        assertThat(heard.text()).contains("glass of water");
        assertThat(heard.words()).isNotEmpty();

        // espeak-ng (installed from Debian in CI) speaks the other languages, Mandarin through pinyin
        assertThat(executeCommand("atelier:voices --language de")).contains("espeak-ng:");
        assertThat(executeCommand("atelier:say --language zh --out " + wav + " 我需要帮助")).contains("voice espeak-ng:");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertThat(in.getFrameLength() / (double) in.getFormat().getFrameRate()).isGreaterThan(0.5);
        }

        // hot swap: MaryTTS leaves with its bundle, English falls to espeak-ng, and MaryTTS comes back
        Bundle mary = bundle("org.atelier.speech.marytts");
        mary.stop();
        assertThat(executeCommand("atelier:say --language en --out " + wav + " Hello")).contains("voice espeak-ng:");
        mary.start();
        await("MaryTTS is back", Duration.ofSeconds(90),
                SpeechIT.this::maryTtsIsThere);
        assertThat(executeCommand("atelier:say --out " + wav + " Hello again")).contains("marytts:cmu-slt-hsmm");
    }

    private boolean maryTtsIsThere() {
        try {
            return !bundleContext.getServiceReferences(SpeechEngine.class, "(engine=marytts)").isEmpty();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.net.http.HttpResponse<byte[]> speak(String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/medical/voice/speak"))
                .header("Authorization", "Bearer " + adminKey()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    public void speechStreamsOverRestWithItsLabelAndBadRequestsAreNamed() throws Exception {
        await("MaryTTS offers its engine", Duration.ofSeconds(90),
                SpeechIT.this::maryTtsIsThere);
        java.net.http.HttpResponse<byte[]> r = speak("{\"text\":\"Hello. I would like a glass of water, please.\"}");
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("audio/wav");
        String produceId = r.headers().firstValue("X-AIGC-ProduceID").orElseThrow();
        org.atelier.runtime.LabelReader reader = bundleContext.getService(
                bundleContext.getServiceReference(org.atelier.runtime.LabelReader.class));
        org.atelier.api.labels.AigcLabel label = reader.read(r.body()).orElseThrow();
        assertThat(label.produceId()).isEqualTo(produceId);
        assertThat(label.reservedCode1()).isEqualTo("medical/voice");
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            byte[] pcm = in.readAllBytes();
            double seconds = pcm.length / 2.0 / in.getFormat().getSampleRate();
            assertThat(seconds).as("both sentences, streamed one after the other").isBetween(1.5, 8.0);
        }

        java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"text\":\"\"}", "\"field\":\"text\"");
        bad.put("{\"text\":\"   \"}", "\"field\":\"text\"");
        bad.put("{\"text\":\"" + "word ".repeat(20_000) + "\"}", "at most 5000");
        bad.put("{\"text\":\"bell\\u0007ring\"}", "control character");
        bad.put("{\"text\":\"<speak>open\",\"ssml\":true}", "malformed SSML");
        bad.put("{\"text\":\"Hi\",\"rate\":9}", "\"field\":\"rate\"");
        bad.put("{\"text\":\"Hi\",\"voice\":\"nobody\"}", "\"field\":\"voice\"");
        bad.put("{\"text\":\"I need help\",\"lexicon\":{\"help\":\"aid\",\"aid\":\"help\"}}", "entries loop");
        bad.put("{\"text\":", "malformed JSON");
        bad.put("{}", "\"field\":\"text\"");
        for (java.util.Map.Entry<String, String> b : bad.entrySet()) {
            java.net.http.HttpResponse<byte[]> e = speak(b.getKey());
            String body = new String(e.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(e.statusCode()).as(b.getKey().substring(0, Math.min(60, b.getKey().length())) + " -> " + body)
                    .isEqualTo(400);
            assertThat(e.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body).contains(b.getValue()).doesNotContain("Exception");
        }
        java.net.http.HttpResponse<byte[]> unknown = speak("{\"text\":\"Bonjour\",\"language\":\"xx\"}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(new String(unknown.body())).contains("no speech engine speaks 'xx'");

        assertThat(get("/medical/voice/voices").body()).contains("\"id\":\"marytts:cmu-slt-hsmm\"");
        assertThat(get("/medical/voice").body()).as("the generator's descriptor is still there")
                .contains("\"inputSchema\"");
        java.net.http.HttpResponse<String> stored = post("/medical/voice", "application/json", "{\"text\":\"Yes.\"}");
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains("\"name\":\"speech.wav\"").contains("\"voice\":\"marytts:cmu-slt-hsmm\"")
                .contains("\"word\":\"Yes\"");
        String artifact = stored.body().replaceAll(".*\"artifacts\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        assertThat(get("/artifacts/" + artifact + "/label").body()).contains("\"ReservedCode1\":\"medical/voice\"");
    }
}
