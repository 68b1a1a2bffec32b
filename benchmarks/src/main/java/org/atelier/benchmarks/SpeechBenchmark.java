package org.atelier.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.atelier.api.speech.Transcript;
import org.atelier.speech.vosk.internal.VoskRecognizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Speech, side by side in one run: every English voice Atelier offers, spoken through its REST endpoint
 * ({@code /api/v1/medical/voice/speak}, streamed), against the Debian command-line voices flite (slt, kal) and
 * espeak-ng. Every WAV is transcribed by the same Vosk model; reported: word error rate, audio seconds per wall
 * second, and time to the first audio byte of a warm 6-word phrase (medians).
 */
public final class SpeechBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Audio(short[] pcm, int rate) {
        double seconds() {
            return pcm.length / (double) rate;
        }
    }

    record Result(String name, double wer, double speed, double firstAudioMs, int sentences) {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        List<String> sentences = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank())
                .limit(Integer.parseInt(args[3])).toList();
        Path work = Files.createDirectories(Path.of(args[4]));
        HttpClient http = HttpClient.newHttpClient();
        VoskRecognizer vosk = new VoskRecognizer(work.resolve("vosk"));

        List<String> voices = new ArrayList<>();
        JsonNode listed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/medical/voice/voices"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode v : listed) {
            String lang = v.path("language").asText();
            if (lang.equals("en-US") || lang.equals("en-us") || lang.equals("en")) {
                voices.add(v.path("id").asText());
            }
        }
        if (voices.isEmpty()) {
            throw new IllegalStateException(base + "/medical/voice/voices offers no English voice: " + listed);
        }
        List<Result> results = new ArrayList<>();
        for (String voice : voices) {
            results.add(measure("atelier " + voice, sentences, vosk, (text, first) -> rest(http, base, key, voice, text, first)));
        }
        results.add(measure("flite slt (CLI)", sentences, vosk, (text, first) -> cli(first, work, "flite", "-voice",
                "slt", "-t", text, "-o", "%s")));
        results.add(measure("flite kal (CLI)", sentences, vosk, (text, first) -> cli(first, work, "flite", "-voice",
                "kal", "-t", text, "-o", "%s")));
        results.add(measure("espeak-ng en-us (CLI)", sentences, vosk, (text, first) -> cli(first, work, "espeak-ng", "-v",
                "en-us", "-w", "%s", text)));

        System.out.printf(Locale.ROOT, "%n%-36s %8s %14s %18s%n", "voice", "WER %", "audio s/wall s",
                "first audio ms");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-36s %8.1f %14.1f %18.1f%n", r.name(), 100 * r.wer(), r.speed(),
                    r.firstAudioMs());
        }
        System.out.printf(Locale.ROOT, "(%d Harvard sentences; WER by Vosk vosk-model-en 0.3.45; first audio: median "
                + "of 10 warm 6-word phrases, to the first byte of audio for Atelier, to the finished file for a CLI)%n",
                sentences.size());
        vosk.close();
    }

    @FunctionalInterface
    interface Speaker {
        /** @return the audio and, in [0], the milliseconds to its first byte */
        Audio speak(String text, double[] firstMs) throws Exception;
    }

    static Result measure(String name, List<String> sentences, VoskRecognizer vosk, Speaker speaker) throws Exception {
        speaker.speak("Warm up the voice before it is timed.", new double[1]);
        long errors = 0;
        long words = 0;
        double audio = 0;
        double wall = 0;
        for (String s : sentences) {
            double[] first = new double[1];
            long t0 = System.nanoTime();
            Audio a = speaker.speak(s, first);
            wall += (System.nanoTime() - t0) / 1e9;
            audio += a.seconds();
            Transcript t = vosk.transcribe(a.pcm(), a.rate(), "en");
            List<String> ref = words(s);
            errors += distance(ref, words(t.text()));
            words += ref.size();
        }
        List<String[]> long6 = sentences.stream().map(x -> x.split("\\s+")).filter(w -> w.length >= 6).toList();
        double[] firsts = new double[10];
        for (int i = 0; i < firsts.length; i++) {
            // a different phrase each time: none comes from the platform's phrase cache
            String phrase = String.join(" ", Arrays.asList(long6.get((i * 7 + 3) % long6.size())).subList(0, 6))
                    + ".";
            double[] first = new double[1];
            speaker.speak(phrase, first);
            firsts[i] = first[0];
        }
        Arrays.sort(firsts);
        System.out.printf(Locale.ROOT, "%s: %d sentences, %.1f s of audio in %.1f s%n", name, sentences.size(), audio,
                wall);
        return new Result(name, errors / (double) words, audio / wall, (firsts[4] + firsts[5]) / 2, sentences.size());
    }

    static Audio rest(HttpClient http, String base, String key, String voice, String text, double[] firstMs)
            throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("text", text, "voice", voice));
        long t0 = System.nanoTime();
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + "/medical/voice/speak"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(voice + ": " + r.statusCode() + " "
                    + new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = r.body()) {
            byte[] head = in.readNBytes(1);
            firstMs[0] = (System.nanoTime() - t0) / 1e6;
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[head.length + rest.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(rest, 0, all, head.length, rest.length);
            return wav(all);
        }
    }

    static Audio cli(double[] firstMs, Path work, String... command) throws Exception {
        long t0 = System.nanoTime();
        Path out = Files.createTempFile(work, "cli-", ".wav");
        List<String> c = new ArrayList<>();
        for (String part : command) {
            c.add(part.equals("%s") ? out.toString() : part);
        }
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", c) + " failed");
        }
        firstMs[0] = (System.nanoTime() - t0) / 1e6;
        Audio a = wav(Files.readAllBytes(out));
        Files.delete(out);
        return a;
    }

    /** Reads a WAV whose data size may be unknown (a stream), as 16-bit mono. */
    static Audio wav(byte[] file) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(file))) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) {
                throw new IllegalStateException("not 16-bit mono: " + f);
            }
            byte[] b = in.readAllBytes();
            ByteBuffer buf = ByteBuffer.wrap(b).order(f.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            short[] pcm = new short[b.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = buf.getShort();
            }
            return new Audio(pcm, Math.round(f.getSampleRate()));
        }
    }

    static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").split("\\s+"))
                .filter(w -> !w.isBlank()).toList();
    }

    /** Word-level Levenshtein distance: substitutions, insertions and deletions. */
    static int distance(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] cur = new int[b.size() + 1];
        for (int j = 0; j <= b.size(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.size(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.size(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.size()];
    }
}
