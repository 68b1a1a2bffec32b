package org.atelier.industrial.design.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.industrial.design.internal.TopologyInput.VariantsInput;
import org.junit.jupiter.api.Test;

class TopologyGeneratorTest {

    /** Keeps artifacts in memory, records progress, and cancels when told. */
    static final class Context implements GenerationContext {
        final Map<String, byte[]> artifacts = new LinkedHashMap<>();
        final List<String> messages = new ArrayList<>();
        final List<Map<String, Object>> details = new ArrayList<>();
        final List<String> previews = new ArrayList<>();
        byte[] lastPreview;
        final AtomicBoolean cancelled = new AtomicBoolean();
        int cancelAfterMessages = Integer.MAX_VALUE;

        @Override
        public String jobId() {
            return "j1";
        }

        @Override
        public void progress(double fraction, String message) {
            messages.add(message);
            if (messages.size() >= cancelAfterMessages) {
                cancelled.set(true);
            }
        }

        @Override
        public void progress(double fraction, String message, Map<String, ?> newDetails) {
            details.add(new LinkedHashMap<>(newDetails));
            progress(fraction, message);
        }

        @Override
        public Artifact preview(String name, String mediaType, byte[] content) {
            previews.add(name + " after " + details.size());
            lastPreview = content;
            return null;
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public Artifact writeArtifact(String name, String mediaType, byte[] content) {
            artifacts.put(name, content);
            return new Artifact() {
                @Override
                public String id() {
                    return name;
                }

                @Override
                public String name() {
                    return name;
                }

                @Override
                public String mediaType() {
                    return mediaType;
                }

                @Override
                public long bytes() {
                    return content.length;
                }

                @Override
                public String sha256() {
                    return "";
                }
            };
        }

        @Override
        public Artifact writeArtifact(String name, String mediaType, ArtifactWriter writer) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.writeTo(out);
            return writeArtifact(name, mediaType, out.toByteArray());
        }
    }

    final TopologyGenerator generator = new TopologyGenerator(ProblemsTest.CONFIG);

    @Test
    @SuppressWarnings("unchecked")
    void top88sBeamIsOptimisedAndStoredWithEveryArtifact() {
        Context context = new Context();
        TopologyInput in = ProblemsTest.input("mbb", 60, 20, null, null, null, null, null);

        Map<String, Object> out = (Map<String, Object>) generator.generate(in, context);

        // top88(60,20,0.5,3,1.5,1): compliance 203.1925 after 94 iterations (../shared/data/README.md)
        assertThat((double) out.get("compliance")).isCloseTo(203.1925, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(out.get("iterations")).isEqualTo(94);
        assertThat((double) out.get("volume")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-3));
        assertThat((List<Map<String, Object>>) out.get("history")).hasSize(94);
        assertThat(context.artifacts).containsOnlyKeys("design.png", "design.json", "design.svg", "design.stl",
                "convergence.png");
        assertThat(new String(context.artifacts.get("design.json"))).startsWith("{\"nelx\":60,\"nely\":20,\"nelz\":0")
                .contains("\"densities\":[");
        assertThat(new String(context.artifacts.get("design.svg"))).contains("<svg");
        assertThat(context.messages).anyMatch(m -> m.startsWith("iteration 94: compliance 203.19"));
        // every iteration's figures as details, and the densities as the job's preview every 10 iterations
        assertThat(context.details).hasSize(94);
        assertThat(context.details.get(93)).containsEntry("iteration", 94).containsKeys("compliance", "volume",
                "change").doesNotContainKeys("stage", "candidate");
        assertThat((double) context.details.get(93).get("compliance")).isCloseTo(203.1925,
                org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(context.previews).hasSize(9).first().isEqualTo("density.png after 10");
        assertThat(context.previews).last().isEqualTo("density.png after 90");
        assertThat(context.lastPreview).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCancelledDesignKeepsItsLastIterateMetricsHistoryAndArtifacts() {
        Context context = new Context();
        context.cancelAfterMessages = 31; // "starting" and thirty iterations
        Map<String, Object> out = (Map<String, Object>) generator.generate(
                ProblemsTest.input("mbb", 60, 20, null, null, null, null, null), context);

        assertThat(out).containsEntry("iterations", 30).containsEntry("stopReason", "cancelled")
                .containsEntry("converged", false);
        List<Map<String, Object>> history = (List<Map<String, Object>>) out.get("history");
        assertThat(history).hasSize(30);
        assertThat(out.get("compliance")).as("the last iterate's compliance, not NaN")
                .isEqualTo(history.get(29).get("compliance"));
        assertThat((double) out.get("compliance")).isBetween(150.0, 1000.0);
        assertThat(context.artifacts).containsOnlyKeys("design.png", "design.json", "design.svg", "design.stl",
                "convergence.png");
        assertThat((List<String>) out.get("artifacts")).hasSize(5);
        assertThat(new String(context.artifacts.get("design.json"))).contains("\"iterations\":30");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withCancelledArtifactsOffACancelledDesignKeepsItsMetricsAndHistoryOnly() {
        Context context = new Context();
        context.cancelAfterMessages = 4; // "starting" and three iterations
        Map<String, Object> out = (Map<String, Object>) new TopologyGenerator(
                ProblemsTest.config(100_000, 20_000, false)).generate(
                ProblemsTest.input("mbb", 60, 20, null, null, null, null, null), context);

        assertThat(out).containsEntry("iterations", 3).doesNotContainKey("artifacts");
        assertThat((List<Map<String, Object>>) out.get("history")).hasSize(3);
        assertThat(context.artifacts).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDesignCancelledBeforeItsFirstIterationHasNoComplianceYetAndNoArtifacts() {
        Context context = new Context();
        context.cancelled.set(true);
        Map<String, Object> out = (Map<String, Object>) generator.generate(
                ProblemsTest.input("mbb", 60, 20, null, null, null, null, null), context);

        assertThat(out).containsEntry("iterations", 0).containsEntry("compliance", null)
                .containsEntry("stopReason", "cancelled");
        assertThat((List<Map<String, Object>>) out.get("history")).isEmpty();
        assertThat(context.artifacts).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancelledDerivativeDesignsKeepTheFinishedCandidatesAndTheOneUnderWay() {
        Context context = new Context();
        TopologyInput in = ProblemsTest.input("cantilever", 30, 10, null, null, null, null,
                new VariantsInput(3, List.of(0.3, 0.6), null, null, null));
        // find where the second candidate starts, then cancel five iterations into it
        Context probe = new Context();
        generator.generate(in, probe);
        context.cancelAfterMessages = probe.messages.indexOf("candidate 2/3: starting") + 1 + 5;

        Map<String, Object> out = (Map<String, Object>) generator.generate(in, context);

        assertThat(out).containsEntry("stopReason", "cancelled").containsEntry("candidatesDone", 1);
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) out.get("candidates");
        assertThat(candidates).hasSize(2).extracting(c -> c.get("stopReason"))
                .containsExactlyInAnyOrder("cancelled", "converged");
        assertThat(candidates).filteredOn(c -> "cancelled".equals(c.get("stopReason"))).singleElement()
                .satisfies(c -> assertThat(c.get("iterations")).isEqualTo(5));
        assertThat(context.artifacts).containsKeys("candidate-01-design.png", "candidate-02-design.png");
    }

    @Test
    @SuppressWarnings("unchecked")
    void derivativeDesignsAreRankedOnTheParetoFrontWithAPreviewEach() {
        Context context = new Context();
        Map<String, Object> out = (Map<String, Object>) generator.generate(ProblemsTest.input("cantilever", 30, 10,
                null, null, null, null, new VariantsInput(3, List.of(0.3, 0.6), null, null, null)), context);

        List<Map<String, Object>> candidates = (List<Map<String, Object>>) out.get("candidates");
        assertThat(candidates).hasSize(3).extracting(c -> c.get("rank")).containsExactly(1, 2, 3);
        // more material, stiffer: with volume alone differing, every candidate is on the front
        assertThat(candidates).allSatisfy(c -> assertThat(c.get("front")).isEqualTo(1));
        assertThat((List<Integer>) out.get("paretoFront")).containsExactly(1, 2, 3);
        double[] volumes = candidates.stream().mapToDouble(c -> (double) c.get("volume")).toArray();
        double[] compliances = candidates.stream().mapToDouble(c -> (double) c.get("compliance")).toArray();
        assertThat(volumes).isSorted();
        assertThat(compliances[0]).isGreaterThan(compliances[1]);
        assertThat(compliances[1]).isGreaterThan(compliances[2]);
        assertThat(context.artifacts).containsKeys("candidate-01-design.png", "candidate-02-design.png",
                "candidate-03-design.png", "candidate-01-design.stl", "candidate-03-convergence.png");
        assertThat(context.messages).anyMatch(m -> m.startsWith("candidate 2/3: iteration"));
        assertThat(context.details).anySatisfy(d -> assertThat(d).containsEntry("candidate", 2)
                .containsEntry("candidates", 3));
        assertThat(context.previews).anyMatch(p -> p.startsWith("candidate-3-density.png"));
    }
}
