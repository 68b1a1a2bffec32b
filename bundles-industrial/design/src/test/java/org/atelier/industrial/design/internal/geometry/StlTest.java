package org.atelier.industrial.design.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StlTest {

    @Test
    void aPlateThatFillsTheDomainIsABoxOfTheDomainAndTheThickness() {
        Mesh mesh = Mesh.parse(Stl.plate(Fields.of(30, 12, (elx, ely) -> 1), 30, 12, 2.5));

        mesh.assertClosedAndOriented();
        // marching squares cuts each corner of the domain by half an element along both sides: 1/8 of an element
        assertThat(mesh.volume()).isCloseTo((30 * 12 - 4 * 0.125) * 2.5, within(1e-3));
        assertThat(mesh.min).containsExactly(0f, 0f, 0f);
        assertThat(mesh.max).containsExactly(30f, 12f, 2.5f);
        assertThat(mesh.triangles).as("full rows as strips, not four triangles per element").isLessThan(800);
    }

    @Test
    void aDiscPlateIsACylinderAndTheScaleScalesIt() {
        double r = 15;
        double[] disc = Fields.disc(40, 40, 20, 20, r);
        byte[] stl = Stl.plate(disc, 40, 40, 3);

        Mesh mesh = Mesh.parse(stl);
        mesh.assertClosedAndOriented();
        double cylinder = Math.PI * r * r * 3;
        assertThat(mesh.volume()).isCloseTo(cylinder, within(0.02 * cylinder));
        double elements = Arrays.stream(disc).sum();
        assertThat(mesh.volume()).as("the solid elements, as thick as the plate").isCloseTo(elements * 3,
                within(0.005 * elements * 3));

        Mesh millimetres = Mesh.parse(Stl.plate(disc, 40, 40, 3, 0.5));
        assertThat(millimetres.volume()).isCloseTo(mesh.volume() / 8, within(1e-3 * mesh.volume()));
    }

    @Test
    void aRingPlateHasItsHoleAndStaysWatertight() {
        Mesh mesh = Mesh.parse(Stl.plate(Fields.ring(64, 64, 32, 32, 12, 26), 64, 64, 1));

        mesh.assertClosedAndOriented();
        double annulus = Math.PI * (26 * 26 - 12 * 12);
        assertThat(mesh.volume()).isCloseTo(annulus, within(0.015 * annulus));
        assertThat(mesh.eulerCharacteristic()).as("a torus: V - E + F = 0").isZero();
    }

    @Test
    void thePlateIsTheRegionOfTheSvgContour() {
        double[] x = Fields.truss(240, 80);
        double t = 4;

        Mesh mesh = Mesh.parse(Stl.plate(x, 240, 80, t));

        double area = new MarchingSquares(IsoGrid.of(x, 240, 80, true)).loops().stream()
                .mapToDouble(ContourSvgTest::area).sum();
        assertThat(mesh.volume()).isCloseTo(area * t, within(1e-4 * area * t));
    }

    @Test
    void saddlesAndSpecksInNoiseStillMakeAWatertightPlate() {
        double[] noise = Fields.noise(50 * 40, 11);

        Mesh mesh = Mesh.parse(Stl.plate(noise, 50, 40, 1));

        mesh.assertClosedAndOriented();
        assertThat(mesh.volume()).isPositive();
    }

    @Test
    void aBigTrussPlateIsFastAndWatertight() {
        double[] x = Fields.truss(1200, 400);

        long start = System.nanoTime();
        byte[] stl = Stl.plate(x, 1200, 400, 20);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("milliseconds for 1200 × 400").isLessThan(3000);
        Mesh mesh = Mesh.parse(stl);
        mesh.assertClosedAndOriented();
        assertThat(stl.length).as("bytes").isLessThan(30_000_000);
    }

    @Test
    void aBoxOfSolidElementsIsAClosedSurfaceOfAboutItsVolume() {
        // 8 × 6 × 4 solid elements inside a 16 × 12 × 10 domain
        double[] x = Fields.of(16, 12, 10, (elx, ely, elz) -> elx >= 4 && elx < 12 && ely >= 3 && ely < 9
                && elz >= 3 && elz < 7 ? 1 : 0);

        Mesh mesh = Mesh.parse(Stl.solid(x, 16, 12, 10));

        mesh.assertClosedAndOriented();
        assertThat(mesh.eulerCharacteristic()).as("a sphere: V - E + F = 2").isEqualTo(2);
        // the faces stay where they are, the edges and corners are rounded by the smoothing
        assertThat(mesh.volume()).isBetween(0.85 * 192, 192.0);
        assertThat(mesh.min[0]).isCloseTo(4f, within(0.05f));
        assertThat(mesh.max[0]).isCloseTo(12f, within(0.05f));
        assertThat(mesh.max[1]).as("ely = 3 is 9 elements from the bottom").isCloseTo(9f, within(0.05f));
    }

    @Test
    void aSphereIsAClosedSurfaceOfTheVolumeOfTheSphere() {
        double r = 8;
        double[] x = Fields.of(20, 20, 20, (elx, ely, elz) -> Math.sqrt(sq(elx + 0.5 - 10) + sq(ely + 0.5 - 10)
                + sq(elz + 0.5 - 10)) < r ? 1 : 0);

        Mesh mesh = Mesh.parse(Stl.solid(x, 20, 20, 20));

        mesh.assertClosedAndOriented();
        double sphere = 4 / 3.0 * Math.PI * r * r * r;
        assertThat(mesh.volume()).isCloseTo(sphere, within(0.03 * sphere));
    }

    @Test
    void aDesignTouchingTheDomainBoundaryIsClosedByThePadding() {
        double[] x = Fields.of(60, 20, 20, (elx, ely, elz) -> 1);

        long start = System.nanoTime();
        byte[] stl = Stl.solid(x, 60, 20, 20);
        long millis = (System.nanoTime() - start) / 1_000_000;

        Mesh mesh = Mesh.parse(stl);
        mesh.assertClosedAndOriented();
        assertThat(mesh.volume()).isCloseTo(60 * 20 * 20, within(0.02 * 60 * 20 * 20));
        assertThat(millis).as("milliseconds for 60 × 20 × 20").isLessThan(2000);
    }

    @Test
    void noiseIn3dStillMakesAClosedOrientedSurface() {
        Mesh mesh = Mesh.parse(Stl.solid(Fields.noise(14 * 12 * 10, 3), 14, 12, 10));

        mesh.assertClosedAndOriented();
        assertThat(mesh.triangles).isPositive();
        assertThat(mesh.volume()).isPositive();
    }

    @Test
    void theHeaderLeavesTheLabelItsRoomAndTheSizeAddsUp() {
        byte[] stl = Stl.plate(Fields.disc(10, 10, 5, 5, 3), 10, 10, 1);

        String header = new String(stl, 0, 80, StandardCharsets.US_ASCII);
        assertThat(header).doesNotStartWith("solid").doesNotStartWith("AIGC");
        long triangles = ByteBuffer.wrap(stl, 80, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        assertThat(stl).hasSize((int) (84 + 50 * triangles));
    }

    @Test
    void anEmptyDesignIsRefusedClearly() {
        assertThatThrownBy(() -> Stl.plate(new double[40], 8, 5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the design is empty");
        assertThatThrownBy(() -> Stl.solid(new double[60], 5, 4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the design is empty");
        assertThatThrownBy(() -> Stl.plate(new double[] {1}, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thickness");
    }

    private static double sq(double v) {
        return v * v;
    }

    /** A binary STL read back: vertices identified by their exact floats, as a slicer does. */
    static final class Mesh {
        final int triangles;
        final float[] v;
        final float[] normals;
        final float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
        final float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};

        private Mesh(int triangles, float[] v, float[] normals) {
            this.triangles = triangles;
            this.v = v;
            this.normals = normals;
            for (int i = 0; i < v.length; i++) {
                min[i % 3] = Math.min(min[i % 3], v[i]);
                max[i % 3] = Math.max(max[i % 3], v[i]);
            }
        }

        static Mesh parse(byte[] stl) {
            assertThat(stl.length).isGreaterThanOrEqualTo(84);
            ByteBuffer in = ByteBuffer.wrap(stl).order(ByteOrder.LITTLE_ENDIAN);
            int n = in.getInt(80);
            assertThat(n).isPositive();
            assertThat(stl.length).isEqualTo(84 + 50 * n);
            float[] v = new float[9 * n];
            float[] normals = new float[3 * n];
            in.position(84);
            for (int t = 0; t < n; t++) {
                for (int j = 0; j < 3; j++) {
                    normals[3 * t + j] = in.getFloat();
                }
                for (int j = 0; j < 9; j++) {
                    v[9 * t + j] = in.getFloat();
                }
                in.getShort();
            }
            return new Mesh(n, v, normals);
        }

        private record Vertex(float x, float y, float z) {
        }

        private record Edge(Vertex from, Vertex to) {
        }

        private Vertex vertex(int t, int corner) {
            int at = 9 * t + 3 * corner;
            return new Vertex(v[at], v[at + 1], v[at + 2]);
        }

        /**
         * Every edge is used once in each direction: shared by exactly two triangles (closed, manifold) that run it
         * oppositely (consistently oriented); and the stored normals agree with the winding.
         */
        void assertClosedAndOriented() {
            Map<Edge, Integer> directed = new HashMap<>();
            for (int t = 0; t < triangles; t++) {
                for (int j = 0; j < 3; j++) {
                    Edge e = new Edge(vertex(t, j), vertex(t, (j + 1) % 3));
                    assertThat(e.from()).as("degenerate triangle %d", t).isNotEqualTo(e.to());
                    directed.merge(e, 1, Integer::sum);
                }
                double[] n = cross(t);
                double dot = n[0] * normals[3 * t] + n[1] * normals[3 * t + 1] + n[2] * normals[3 * t + 2];
                assertThat(dot).as("normal of triangle %d", t).isGreaterThanOrEqualTo(0);
            }
            directed.forEach((e, count) -> {
                assertThat(count).as("edge %s", e).isEqualTo(1);
                assertThat(directed.get(new Edge(e.to(), e.from()))).as("the way back along %s", e).isEqualTo(1);
            });
        }

        private double[] cross(int t) {
            int a = 9 * t;
            double ux = v[a + 3] - v[a];
            double uy = v[a + 4] - v[a + 1];
            double uz = v[a + 5] - v[a + 2];
            double wx = v[a + 6] - v[a];
            double wy = v[a + 7] - v[a + 1];
            double wz = v[a + 8] - v[a + 2];
            return new double[] {uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx};
        }

        /** Signed volume (divergence theorem): positive when the normals point out. */
        double volume() {
            double six = 0;
            for (int t = 0; t < triangles; t++) {
                int a = 9 * t;
                six += v[a] * (v[a + 4] * (double) v[a + 8] - v[a + 5] * (double) v[a + 7])
                        - v[a + 1] * (v[a + 3] * (double) v[a + 8] - v[a + 5] * (double) v[a + 6])
                        + v[a + 2] * (v[a + 3] * (double) v[a + 7] - v[a + 4] * (double) v[a + 6]);
            }
            return six / 6;
        }

        /** V - E + F of the mesh with vertices joined by their exact floats. */
        long eulerCharacteristic() {
            Map<Vertex, Boolean> vertices = new HashMap<>();
            Map<Edge, Boolean> edges = new HashMap<>();
            for (int t = 0; t < triangles; t++) {
                for (int j = 0; j < 3; j++) {
                    Vertex a = vertex(t, j);
                    Vertex b = vertex(t, (j + 1) % 3);
                    vertices.put(a, true);
                    boolean ordered = Float.compare(a.x(), b.x()) < 0 || a.x() == b.x() && (Float.compare(a.y(), b.y())
                            < 0 || a.y() == b.y() && Float.compare(a.z(), b.z()) < 0);
                    edges.put(ordered ? new Edge(a, b) : new Edge(b, a), true);
                }
            }
            return vertices.size() - edges.size() + triangles;
        }
    }
}
