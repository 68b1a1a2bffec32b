package org.atelier.speech.marytts.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.Voice;

/**
 * Speed and first audio of MaryTTS in this JVM, without REST: run by hand, not by the build.
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.atelier.speech.marytts.internal.MaryTtsMeasure
 *   [sentences.txt] [count=20]</pre>
 * Speed: seconds of audio per second of wall time over {@code count} sentences spoken one by one (warm). First
 * audio: median over 10 different 6-word phrases of the time until the first samples are handed over.
 */
public final class MaryTtsMeasure {

    static final List<String> HARVARD = List.of("The birch canoe slid on the smooth planks.",
            "Glue the sheet to the dark blue background.", "It's easy to tell the depth of a well.",
            "These days a chicken leg is a rare dish.", "Rice is often served in round bowls.",
            "The juice of lemons makes fine punch.", "The box was thrown beside the parked truck.",
            "The hogs were fed chopped corn and garbage.", "Four hours of steady work faced us.",
            "A large size in stockings is hard to sell.");

    private MaryTtsMeasure() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sentences = args.length > 0 ? Files.readAllLines(Path.of(args[0])).stream()
                .filter(s -> !s.isBlank()).toList() : HARVARD;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean split = !"false".equals(System.getProperty("split"));
        MaryTtsEngine engine = new MaryTtsEngine(MaryTtsMeasure.class.getClassLoader(), split);
        engine.start();
        // as in the distribution, whose logging configuration keeps MaryTTS at WARN
        org.apache.log4j.Logger.getLogger("marytts").setLevel(org.apache.log4j.Level.WARN);
        Voice voice = engine.voices().get(0);
        for (int i = 0; i < 5; i++) {
            engine.synthesize(voice, List.of(Segment.of(sentences.get(i % sentences.size()), "en")));
        }
        double audio = 0;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Speech s = engine.synthesize(voice, List.of(Segment.of(sentences.get(i % sentences.size()), "en")));
            audio += s.samples().length / (double) s.sampleRate();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "whole (split sentences %s): %d sentences, %.1f s of audio in %.2f s: %.1fx "
                + "real time; %.2f s of CPU: %.1fx real time per core%n", split, count, audio, wall, audio / wall, cpu,
                audio / cpu);

        List<String[]> long6 = sentences.stream().map(x -> x.split("\\s+")).filter(w -> w.length >= 6).toList();
        double[] firsts = new double[10];
        for (int i = 0; i < firsts.length; i++) {
            String phrase = String.join(" ", Arrays.asList(long6.get((i * 7 + 3) % long6.size())).subList(0, 6))
                    + ".";
            firsts[i] = first(engine, voice, phrase);
        }
        double[] sorted = firsts.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "first audio, 6-word phrases: median %.1f ms (all: %s)%n",
                (sorted[4] + sorted[5]) / 2, Arrays.toString(Arrays.stream(firsts).map(Math::round).toArray()));
    }

    /** @return milliseconds until the first audio is handed over */
    static double first(MaryTtsEngine engine, Voice voice, String phrase) {
        long t0 = System.nanoTime();
        List<Double> at = new ArrayList<>();
        engine.synthesize(voice, List.of(Segment.of(phrase, "en")), piece -> {
            if (at.isEmpty() && piece.samples().length > 0) {
                at.add((System.nanoTime() - t0) / 1e6);
            }
        });
        return at.get(0);
    }
}
