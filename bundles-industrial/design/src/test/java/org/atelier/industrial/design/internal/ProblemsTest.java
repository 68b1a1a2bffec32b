package org.atelier.industrial.design.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.util.List;

import org.atelier.api.InvalidInputException;
import org.atelier.industrial.design.internal.TopologyInput.BoxInput;
import org.atelier.industrial.design.internal.TopologyInput.LoadInput;
import org.atelier.industrial.design.internal.TopologyInput.NodeInput;
import org.atelier.industrial.design.internal.TopologyInput.RegionInput;
import org.atelier.industrial.design.internal.TopologyInput.SupportInput;
import org.atelier.industrial.design.internal.TopologyInput.VariantsInput;
import org.atelier.industrial.design.internal.solver.PointLoad;
import org.atelier.industrial.design.internal.solver.TopologyProblem;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    static DesignConfig config(int max2d, int max3d) {
        return config(max2d, max3d, true);
    }

    static DesignConfig config(int max2d, int max3d, boolean cancelledArtifacts) {
        return new DesignConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DesignConfig.class;
            }

            @Override
            public int maxElements2d() {
                return max2d;
            }

            @Override
            public int maxElements3d() {
                return max3d;
            }

            @Override
            public int continuationElements2d() {
                return 100_000;
            }

            @Override
            public int continuationElements3d() {
                return 20_000;
            }

            @Override
            public int maxVariants() {
                return 8;
            }

            @Override
            public int parallelism() {
                return 1;
            }

            @Override
            public int maxConcurrent() {
                return 1;
            }

            @Override
            public boolean cancelledArtifacts() {
                return cancelledArtifacts;
            }

            @Override
            public int previewEveryIterations() {
                return 10;
            }
        };
    }

    static final DesignConfig CONFIG = config(100_000, 20_000);

    static TopologyInput input(String preset, int nelx, int nely, Integer nelz, List<LoadInput> loads,
                               List<SupportInput> supports, List<RegionInput> passive, VariantsInput variants) {
        return new TopologyInput(preset, nelx, nely, nelz, null, loads, supports, passive, null, null, null, null,
                null, null, null, null, variants, null);
    }

    static String field(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.errors().get(0).field() + ": " + e.errors().get(0).message();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void continuationIsOnAutomaticallyOnlyAboveTheConfiguredSize() {
        DesignConfig big = config(1_000_000, 250_000);
        assertThat(Problems.runs(input("mbb", 300, 100, null, null, null, null, null), big).get(0).params()
                .continuation()).isFalse();
        assertThat(Problems.runs(input("mbb", 600, 200, null, null, null, null, null), big).get(0).params()
                .continuation()).isTrue();
        assertThat(Problems.runs(input("cantilever", 40, 20, 20, null, null, null, null), big).get(0).params()
                .continuation()).isFalse();
        assertThat(Problems.runs(input("cantilever", 60, 20, 20, null, null, null, null), big).get(0).params()
                .continuation()).isTrue();
        TopologyInput off = new TopologyInput("mbb", 600, 200, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, false);
        assertThat(Problems.runs(off, big).get(0).params().continuation()).isFalse();
    }

    @Test
    void theMbbPresetIsTop88sHalfBeam() {
        Problems.Run run = Problems.runs(input("mbb", 60, 20, null, null, null, null, null), CONFIG).get(0);
        TopologyProblem p = run.problem();
        assertThat(p.loadCases()).singleElement().satisfies(c -> assertThat(c.loads())
                .containsExactly(new PointLoad(0, 0, -1, 0)));
        assertThat(run.params().volfrac()).isEqualTo(0.5);
        assertThat(run.params().rmin()).isEqualTo(1.5);
        assertThat(run.settings()).containsEntry("filter", "sensitivity").containsEntry("optimizer", "oc");
    }

    @Test
    void ownLoadsAndSupportsReplaceThePresetsAndBoxesSpreadTheForce() {
        List<LoadInput> loads = List.of(new LoadInput(0, new NodeInput(60, 10, null), null, null, 0.0, -1.0, null),
                new LoadInput(1, null, "top", null, null, -2.0, null));
        List<SupportInput> supports = List.of(new SupportInput(null, "left", null, List.of("x", "y")));
        TopologyProblem p = Problems.runs(input("cantilever", 60, 20, null, loads, supports,
                List.of(new RegionInput("void", List.of(10, 20), List.of(0, 5), null)), null), CONFIG).get(0).problem();
        assertThat(p.loadCases()).hasSize(2);
        assertThat(p.loadCases().get(0).loads()).singleElement().extracting(PointLoad::node)
                .isEqualTo(p.grid().node(60, 10));
        assertThat(p.loadCases().get(1).loads()).hasSize(61)
                .allSatisfy(l -> assertThat(p.grid().nodeY(l.node())).isZero());
        assertThat(p.loadCases().get(1).loads().stream().mapToDouble(PointLoad::fy).sum()).isCloseTo(-2.0,
                org.assertj.core.data.Offset.offset(1e-12));
        assertThat(p.supports()).hasSize(21);
        assertThat(p.passiveVoid()).hasSize(50);
    }

    @Test
    void derivativeDesignsAreDistinctSamplesOfTheRanges() {
        List<Problems.Run> runs = Problems.runs(input("mbb", 30, 10, null, null, null, null,
                new VariantsInput(6, List.of(0.3, 0.6), List.of(1.5, 3.0), null, List.of(
                        List.of(new LoadInput(null, new NodeInput(0, 0, null), null, null, null, -1.0, null)),
                        List.of(new LoadInput(null, null, "top", null, null, -1.0, null))))), CONFIG);
        assertThat(runs).hasSize(6);
        assertThat(runs).extracting(r -> r.settings().toString()).doesNotHaveDuplicates();
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.params().volfrac()).isBetween(0.3, 0.6);
            assertThat(r.params().rmin()).isBetween(1.5, 3.0);
            assertThat(r.params().penal()).isEqualTo(3.0);
        });
        assertThat(runs).extracting(r -> r.settings().get("loadSet")).contains(0, 1);
    }

    @Test
    void badProblemsNameTheirField() {
        assertThat(field(() -> Problems.runs(input("mbb", 400, 400, null, null, null, null, null), CONFIG)))
                .startsWith("nelx: the mesh 400×400 has 160000 elements; at most 100000");
        assertThat(field(() -> Problems.runs(input("mbb", 40, 40, 40, null, null, null, null), CONFIG)))
                .startsWith("nelz: ").contains("maxElements3d");
        assertThat(field(() -> Problems.runs(input(null, 40, 20, null, null, null, null, null), CONFIG)))
                .startsWith("loads: give a preset");
        assertThat(field(() -> Problems.runs(input("mbb", 40, 20, null, List.of(new LoadInput(null,
                new NodeInput(41, 0, null), null, null, null, -1.0, null)), null, null, null), CONFIG)))
                .isEqualTo("loads[0].at.x: 41 is outside the mesh: nodes run from 0 to 40");
        assertThat(field(() -> Problems.runs(input("mbb", 40, 20, null, List.of(new LoadInput(null,
                new NodeInput(4, 0, null), null, null, null, null, null)), null, null, null), CONFIG)))
                .startsWith("loads[0]: has no force");
        assertThat(field(() -> Problems.runs(input("mbb", 40, 20, null, List.of(new LoadInput(null,
                null, "front", null, null, -1.0, null)), null, null, null), CONFIG)))
                .startsWith("loads[0].on: 'front' is a face of a 3D problem");
        assertThat(field(() -> Problems.runs(input("mbb", 40, 20, null, null, List.of(new SupportInput(null, null,
                new BoxInput(List.of(0, 50), null, null), List.of("x"))), null, null), CONFIG)))
                .startsWith("supports[0].box.x: [0, 50] is outside the mesh");
        // held in x along the left edge only: it can slide down and turn
        assertThat(field(() -> Problems.runs(input("cantilever", 40, 20, null, null,
                List.of(new SupportInput(null, "left", null, List.of("x"))), null, null), CONFIG)))
                .startsWith("supports: ").contains("add supports");
        assertThat(field(() -> Problems.runs(input("mbb", 40, 20, null, null, null,
                List.of(new RegionInput("solid", List.of(30, 30), List.of(0, 5), null)), null), CONFIG)))
                .startsWith("passive[0]: holds no element");
        // a void notch at the top only, with a design asked to be symmetric top to bottom
        assertThat(field(() -> Problems.runs(new TopologyInput("mbb", 30, 10, null, null, null, null,
                List.of(new RegionInput("void", List.of(10, 14), List.of(0, 2), null)), List.of("y"), null, null, null,
                null, null, null, null, null, null), CONFIG)))
                .startsWith("passive: the region is not symmetric about the y mid-plane");
        assertThat(field(() -> Problems.runs(input("mbb", 30, 10, null, null, null, null,
                new VariantsInput(20, null, null, null, null)), CONFIG))).startsWith("variants.count: at most 8");
        assertThat(field(() -> Problems.runs(input("mbb", 30, 10, null, null, null, null,
                new VariantsInput(3, List.of(0.6, 0.3), null, null, null)), CONFIG)))
                .startsWith("variants.volfrac: [0.6, 0.3] must be a range");
        assertThat(field(() -> Problems.runs(input("mbb", 30, 10, null, null, null, null,
                new VariantsInput(3, null, null, null, null)), CONFIG))).startsWith("variants: the ranges give only 1");
    }

    @Test
    void paretoFrontsRankLightAndStiffDesigns() {
        // (volume, compliance): a, b and c trade off; d is worse than b in both; e is worse than d
        double[] v = {0.3, 0.4, 0.5, 0.45, 0.5};
        double[] c = {300, 200, 150, 250, 260};
        assertThat(Pareto.fronts(v, c)).containsExactly(1, 1, 1, 2, 3);
    }
}
