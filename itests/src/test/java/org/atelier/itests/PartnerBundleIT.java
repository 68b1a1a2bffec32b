package org.atelier.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A partner's bundle built outside the platform (examples/partner-music, against org.atelier.api only) comes in
 * through its own feature repository, serves REST, OpenAPI and the shell, renders audio inside Karaf, and leaves
 * no trace when its feature is uninstalled.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PartnerBundleIT extends AtelierTestSupport {

    private static final String FEATURES = "atelier.itest.partnerFeatures";
    private static final String FEATURE = "atelier-partner-music";
    private static final String MUSIC = "/entertainment/music";

    @Configuration
    public Option[] config() {
        Path repository = Path.of(System.getProperty("project.build.directory", "target"), "partner-repository");
        String version = System.getProperty("partner-music.version", "1.0.0");
        return OptionUtils.combine(baseConfig(),
                // where the partner's jar and feature file are, as if it had published them; a default (local)
                // repository: a remote one would hide what the local Maven repository got from Central
                editConfigurationFileExtend("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        repository.toAbsolutePath().toUri() + "@id=partner"),
                systemProperty(FEATURES).value("mvn:com.example.partner/partner-music/" + version + "/xml/features"));
    }

    @Test
    public void aPartnerBundleComesThroughItsFeatureServesMusicAndLeavesWithoutATrace() throws Exception {
        URI features = URI.create(System.getProperty(FEATURES));
        featuresService.addRepository(features);
        featuresService.installFeature(FEATURE);
        await("entertainment/music is served", Duration.ofSeconds(60), () -> get(MUSIC).statusCode() == 200);

        assertThat(get("/verticals").body()).contains("\"name\":\"entertainment\"").contains("\"id\":\"music\"");
        assertThat(get(MUSIC).body()).contains("\"longRunning\":true").contains("\"audio/midi\"").contains("\"audio/wav\"");
        assertThat(get("/openapi.json").body()).contains("\"/entertainment/music\"");
        assertThat(executeCommand("atelier:list")).contains("entertainment").contains("music");

        HttpResponse<String> accepted = post(MUSIC, "application/json",
                "{\"mood\":\"happy\",\"key\":\"G\",\"tempo\":132,\"bars\":2,\"seed\":42}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
        await("the music job finishes", Duration.ofSeconds(120),
                () -> !get("/jobs/" + job).body().matches(".*\"state\":\"(queued|running)\".*"));
        String done = get("/jobs/" + job).body();
        assertThat(done).contains("\"state\":\"succeeded\"").contains("\"key\":\"G\"").contains("\"tempo\":132")
                .contains("\"bars\":2").contains("\"seed\":42").contains("\"progression\":[");

        byte[] midi = artifact(done, "music.mid", "audio/midi");
        assertThat(new String(midi, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("MThd");
        byte[] wav = artifact(done, "music.wav", "audio/wav");
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        // two bars of 4/4 at 132 BPM, 44.1 kHz 16-bit mono: at least 3.6 s of samples
        assertThat(wav.length).isGreaterThan((int) (3.6 * 44_100 * 2));
        // after the platform's audible AIGC cue (0.42 s), the music itself is not silent
        assertThat(rms(wav, 0.6, 3.0)).as("RMS of the music, full scale 1").isGreaterThan(0.01);

        featuresService.uninstallFeature(FEATURE);
        await("entertainment/music is unknown", Duration.ofSeconds(30),
                () -> get(MUSIC).statusCode() == 404 && post(MUSIC, "application/json", "{}").statusCode() == 404);
        assertThat(get("/verticals").body()).doesNotContain("\"name\":\"entertainment\"");
        assertThat(get("/openapi.json").body()).doesNotContain("/entertainment/music");
        assertThat(executeCommand("atelier:list")).doesNotContain("entertainment");
        assertThat(Arrays.stream(bundleContext.getBundles()).map(b -> b.getLocation()))
                .noneMatch(location -> location.contains("com.example.partner"));
        featuresService.removeRepository(features);
    }

    /** Root mean square of 16-bit mono 44.1 kHz samples between two times, with the data chunk after 44 bytes. */
    private static double rms(byte[] wav, double fromSeconds, double toSeconds) {
        ByteBuffer samples = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int from = (int) (fromSeconds * 44_100);
        int to = (int) (toSeconds * 44_100);
        double sum = 0;
        for (int i = from; i < to; i++) {
            double s = samples.getShort(44 + 2 * i) / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Downloads an artifact of a finished job and checks its media type and its AIGC label. */
    private byte[] artifact(String jobJson, String name, String mediaType) {
        Matcher m = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"name\":\"" + Pattern.quote(name) + "\"").matcher(jobJson);
        assertThat(m.find()).as(name + " in " + jobJson).isTrue();
        String id = m.group(1);
        HttpResponse<byte[]> content = getBytes("/artifacts/" + id);
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue(mediaType);
        HttpResponse<String> label = get("/artifacts/" + id + "/label");
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.body()).contains("\"Label\":\"1\"").contains("\"ProduceID\":\"" + id + "\"")
                .contains("\"ReservedCode1\":\"entertainment/music\"").contains("\"embedded\":true");
        return content.body();
    }
}
