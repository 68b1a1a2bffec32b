package org.atelier.speech.marytts.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.atelier.api.speech.Segment;
import org.atelier.api.speech.Speech;
import org.atelier.api.speech.Voice;

/**
 * Speed and first audio of MaryTTS in this JVM, without REST; run by hand, not by the build:
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) org.atelier.speech.marytts.internal.MaryTtsMeasure
 *   [sentences.txt] [count=20] [rounds=5]</pre>
 * For the engine on one core per sentence and on two (its second half vocoded on another core), in turns so that
 * other load on the machine falls on both alike: speed is seconds of audio per second of wall time over
 * {@code count} sentences spoken one by one, as the benchmark's REST requests are (best and median of the rounds),
 * and per second of CPU time (the whole process); first audio is the time until the first samples of a 6-word
 * phrase are handed over (median over 10 different phrases a round, all rounds).
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
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Map<String, MaryTtsEngine> engines = new LinkedHashMap<>();
        engines.put("one core a sentence", new MaryTtsEngine(MaryTtsMeasure.class.getClassLoader(), false));
        engines.put("two cores a sentence", new MaryTtsEngine(MaryTtsMeasure.class.getClassLoader(), true));
        for (MaryTtsEngine e : engines.values()) {
            e.start();
        }
        // as in the distribution, whose logging configuration keeps MaryTTS at WARN
        org.apache.log4j.Logger.getLogger("marytts").setLevel(org.apache.log4j.Level.WARN);
        Voice voice = engines.values().iterator().next().voices().get(0);
        for (MaryTtsEngine e : engines.values()) {
            for (int i = 0; i < 5; i++) {
                e.synthesize(voice, List.of(Segment.of(sentences.get(i % sentences.size()), "en")));
            }
        }
        List<String[]> long6 = sentences.stream().map(x -> x.split("\\s+")).filter(w -> w.length >= 6).toList();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<double[]>> speeds = new LinkedHashMap<>();
        Map<String, List<Double>> firsts = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, MaryTtsEngine> e : engines.entrySet()) {
                double audio = 0;
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    Speech s = e.getValue().synthesize(voice, List.of(Segment.of(sentences.get((r * count + i)
                            % sentences.size()), "en")));
                    audio += s.samples().length / (double) s.sampleRate();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                speeds.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {audio / wall,
                        audio / cpu});
                for (int i = 0; i < 10; i++) {
                    // a different phrase each time
                    String phrase = String.join(" ", Arrays.asList(long6.get((r * 10 + i) * 7 % long6.size()))
                            .subList(0, 6)) + ".";
                    firsts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(first(e.getValue(), voice,
                            phrase));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%d rounds of %d sentences, %d cores:%n", rounds, count,
                Runtime.getRuntime().availableProcessors());
        for (String name : engines.keySet()) {
            double[] wall = speeds.get(name).stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] cpu = speeds.get(name).stream().mapToDouble(x -> x[1]).sorted().toArray();
            double[] f = firsts.get(name).stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-22s speed best %.1fx, median %.1fx real time; %.1fx per CPU second; "
                    + "first audio median %.1f ms (best decile %.1f ms)%n", name, wall[wall.length - 1],
                    median(wall), median(cpu), median(f), f[f.length / 10]);
        }
        for (MaryTtsEngine e : engines.values()) {
            e.stop();
        }
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** @return milliseconds until the first audio is handed over */
    static double first(MaryTtsEngine engine, Voice voice, String phrase) {
        long t0 = System.nanoTime();
        double[] at = {-1};
        engine.synthesize(voice, List.of(Segment.of(phrase, "en")), piece -> {
            if (at[0] < 0 && piece.samples().length > 0) {
                at[0] = (System.nanoTime() - t0) / 1e6;
            }
        });
        return at[0];
    }
}
