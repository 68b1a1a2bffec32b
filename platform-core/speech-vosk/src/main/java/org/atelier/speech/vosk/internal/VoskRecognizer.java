package org.atelier.speech.vosk.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.atelier.api.UnsupportedInputException;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.SpeechRecognizer;
import org.atelier.api.speech.Timing;
import org.atelier.api.speech.Transcript;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * English speech recognition with word timings: Vosk and its small English model, which this bundle carries as the
 * Maven artifact's {@code .aar}. The model is unpacked once to {@code data/atelier/models/vosk/model-en-us-UUID}
 * (a crash while unpacking leaves a partial folder that is unpacked again) and loaded on first use.
 */
@Component(service = SpeechRecognizer.class)
public final class VoskRecognizer implements SpeechRecognizer, AutoCloseable {

    static final String AAR = "vosk-model-en.aar";
    static final String PREFIX = "assets/model-en-us/";
    private static final Logger LOG = LoggerFactory.getLogger(VoskRecognizer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cache;
    private Model model;

    @Activate
    public VoskRecognizer(BundleContext context) {
        this(Path.of(context.getProperty("karaf.data") != null ? context.getProperty("karaf.data")
                : context.getDataFile("").getPath(), "atelier", "models", "vosk"));
    }

    /** @param cache where the model is unpacked (outside Karaf: the benchmarks) */
    public VoskRecognizer(Path cache) {
        this.cache = cache;
    }

    @Override
    public List<String> languages() {
        return List.of("en");
    }

    @Override
    public Transcript transcribe(short[] samples, int sampleRate, String language) {
        if (language == null || !(language.equalsIgnoreCase("en") || language.toLowerCase().startsWith("en-"))) {
            throw new UnsupportedInputException("speech recognition understands English (en), not " + language);
        }
        if (sampleRate < 8000 || sampleRate > 96_000) {
            throw new UnsupportedInputException("sample rate " + sampleRate + " Hz: 8000 to 96000 are understood");
        }
        if (sampleRate < MODEL_RATE) {
            // Vosk lowers a higher rate itself but refuses to raise a lower one (8 kHz telephone voices)
            samples = upsample(samples, sampleRate, MODEL_RATE);
            sampleRate = MODEL_RATE;
        }
        byte[] pcm = Speech.pcm(samples);
        List<Timing> words = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        double[] confidence = {0, 0};
        try (Recognizer r = new Recognizer(model(), sampleRate)) {
            r.setWords(true);
            int step = Math.max(2, sampleRate / 5 * 2);
            for (int off = 0; off < pcm.length; off += step) {
                int n = Math.min(step, pcm.length - off);
                byte[] chunk = java.util.Arrays.copyOfRange(pcm, off, off + n);
                if (r.acceptWaveForm(chunk, n)) {
                    collect(r.getResult(), words, text, confidence);
                }
            }
            collect(r.getFinalResult(), words, text, confidence);
        } catch (IOException e) {
            throw new IllegalStateException("the Vosk model could not be read: " + e.getMessage(), e);
        }
        return new Transcript(text.toString().strip(), words, confidence[1] == 0 ? 0 : confidence[0] / confidence[1]);
    }

    static final int MODEL_RATE = 16_000;

    /** Linear interpolation to a higher rate: nothing above the old Nyquist frequency needs keeping out. */
    static short[] upsample(short[] in, int from, int to) {
        short[] out = new short[(int) ((long) in.length * to / from)];
        double step = from / (double) to;
        for (int n = 0; n < out.length; n++) {
            double x = n * step;
            int i = (int) x;
            double f = x - i;
            int a = in[Math.min(i, in.length - 1)];
            int b = in[Math.min(i + 1, in.length - 1)];
            out[n] = (short) Math.round(a + (b - a) * f);
        }
        return out;
    }

    private static void collect(String json, List<Timing> words, StringBuilder text, double[] confidence)
            throws IOException {
        JsonNode n = JSON.readTree(json);
        for (JsonNode w : n.path("result")) {
            words.add(new Timing(w.path("word").asText(), (int) Math.round(w.path("start").asDouble() * 1000),
                    (int) Math.round(w.path("end").asDouble() * 1000)));
            confidence[0] += w.path("conf").asDouble();
            confidence[1]++;
        }
        String t = n.path("text").asText("");
        if (!t.isBlank()) {
            text.append(' ').append(t);
        }
    }

    private synchronized Model model() throws IOException {
        if (model == null) {
            long t0 = System.nanoTime();
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            model = new Model(unpack().toString());
            LOG.info("Vosk English model loaded in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
        return model;
    }

    /** Unpacks the model from the aar once; a finished copy is marked {@code .complete}. */
    Path unpack() throws IOException {
        String uuid = null;
        try (ZipInputStream z = new ZipInputStream(open())) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals(PREFIX + "uuid")) {
                    uuid = new String(z.readAllBytes(), StandardCharsets.UTF_8).strip();
                    break;
                }
            }
        }
        if (uuid == null || !uuid.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IOException(AAR + " has no model id at " + PREFIX + "uuid");
        }
        Path target = cache.resolve("model-en-us-" + uuid);
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        Files.createDirectories(cache);
        Path partial = Files.createTempDirectory(cache, ".partial-");
        try (ZipInputStream z = new ZipInputStream(open())) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.isDirectory() || !e.getName().startsWith(PREFIX)) {
                    continue;
                }
                Path file = partial.resolve(e.getName().substring(PREFIX.length())).normalize();
                if (!file.startsWith(partial)) {
                    throw new IOException("a model entry points outside its folder: " + e.getName());
                }
                Files.createDirectories(file.getParent());
                Files.copy(z, file);
            }
        }
        Files.createFile(partial.resolve(".complete"));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            LOG.debug("the model was unpacked meanwhile by another start");
        }
        return target;
    }

    private InputStream open() throws IOException {
        InputStream in = VoskRecognizer.class.getClassLoader().getResourceAsStream(AAR);
        if (in == null) {
            throw new IOException("the Vosk model " + AAR + " is not in this bundle");
        }
        return new BufferedInputStream(in, 1 << 16);
    }

    @Override
    @Deactivate
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
