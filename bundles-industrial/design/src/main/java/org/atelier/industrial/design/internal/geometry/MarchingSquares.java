package org.atelier.industrial.design.internal.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Marching squares on a 2D {@link IsoGrid}: the inside part of every cell as counter-clockwise polygons (y up), and
 * the contour as the polygon sides that run from crossing to crossing, so the inside is always on their left.
 * <p>
 * A point is a vertex id: a sample {@code s} is {@code s}; the crossing on a grid edge is {@code samples + edge},
 * horizontal edges ({@code (i, r)} to {@code (i + 1, r)}) first, then vertical ones ({@code (i, r)} to
 * {@code (i, r + 1)}). A crossing belongs to its edge, so the two cells that share the edge share the point exactly.
 * A saddle cell (two opposite corners inside) is decided by the mean of its four corners, once, for both the contour
 * and the polygons.
 */
final class MarchingSquares {

    final IsoGrid g;
    private final int samples;
    private final int horizontal;

    MarchingSquares(IsoGrid g) {
        if (g.d != 1) {
            throw new IllegalArgumentException("marching squares needs a 2D grid");
        }
        this.g = g;
        this.samples = g.w * g.h;
        this.horizontal = (g.w - 1) * g.h;
    }

    int edges() {
        return horizontal + g.w * (g.h - 1);
    }

    boolean isCrossing(int vertex) {
        return vertex >= samples;
    }

    /** @return the x coordinate of a vertex in element units */
    double x(int vertex) {
        if (vertex < samples) {
            return g.x(vertex);
        }
        int e = vertex - samples;
        if (e < horizontal) {
            int i = e % (g.w - 1);
            int s = e / (g.w - 1) * g.w + i;
            return i - 0.5 + g.t(s, s + 1);
        }
        return (e - horizontal) % g.w - 0.5;
    }

    /** @return the y coordinate of a vertex in element units, pointing up */
    double y(int vertex) {
        if (vertex < samples) {
            return g.y(vertex);
        }
        int e = vertex - samples;
        if (e < horizontal) {
            return e / (g.w - 1) - 0.5;
        }
        int s = e - horizontal;
        return s / g.w - 0.5 + g.t(s, s + g.w);
    }

    /** @return whether all four corners of cell {@code (i, r)} are inside */
    boolean full(int i, int r) {
        int s = r * g.w + i;
        return g.inside(s) && g.inside(s + 1) && g.inside(s + g.w) && g.inside(s + g.w + 1);
    }

    /**
     * The inside part of cell {@code (i, r)} (corners {@code (i, r)} to {@code (i + 1, r + 1)}) as convex
     * counter-clockwise polygons.
     *
     * @param out receives the vertex ids of the polygons one after the other, at most 8
     * @param sizes receives the vertex count of each polygon
     * @return the number of polygons: 0, 1, or 2 for a saddle whose corners are not joined
     */
    int polygons(int i, int r, int[] out, int[] sizes) {
        int s0 = r * g.w + i;
        int s1 = s0 + 1;
        int s2 = s1 + g.w;
        int s3 = s0 + g.w;
        boolean b0 = g.inside(s0);
        boolean b1 = g.inside(s1);
        boolean b2 = g.inside(s2);
        boolean b3 = g.inside(s3);
        if (!(b0 || b1 || b2 || b3)) {
            return 0;
        }
        int e0 = samples + r * (g.w - 1) + i;
        int e2 = e0 + g.w - 1;
        int e3 = samples + horizontal + s0;
        int e1 = e3 + 1;
        boolean saddle = b0 == b2 && b1 == b3 && b0 != b1;
        if (saddle && (g.v[s0] + g.v[s1] + g.v[s2] + g.v[s3]) / 4 <= IsoGrid.ISO) {
            // two corners apart: a triangle around each
            if (b0) {
                put(out, 0, e3, s0, e0);
                put(out, 3, e1, s2, e2);
            } else {
                put(out, 0, e0, s1, e1);
                put(out, 3, e2, s3, e3);
            }
            sizes[0] = 3;
            sizes[1] = 3;
            return 2;
        }
        int n = 0;
        if (b0) {
            out[n++] = s0;
        }
        if (b0 != b1) {
            out[n++] = e0;
        }
        if (b1) {
            out[n++] = s1;
        }
        if (b1 != b2) {
            out[n++] = e1;
        }
        if (b2) {
            out[n++] = s2;
        }
        if (b2 != b3) {
            out[n++] = e2;
        }
        if (b3) {
            out[n++] = s3;
        }
        if (b3 != b0) {
            out[n++] = e3;
        }
        sizes[0] = n;
        return 1;
    }

    private static void put(int[] out, int at, int a, int b, int c) {
        out[at] = a;
        out[at + 1] = b;
        out[at + 2] = c;
    }

    /** Receives contour segments. */
    interface Segments {
        /** A segment from crossing {@code from} to crossing {@code to}, the inside on its left. */
        void segment(int from, int to);
    }

    /** Every contour segment once. */
    void segments(Segments sink) {
        int[] out = new int[8];
        int[] sizes = new int[2];
        for (int r = 0; r < g.h - 1; r++) {
            for (int i = 0; i < g.w - 1; i++) {
                int polygons = polygons(i, r, out, sizes);
                for (int p = 0, at = 0; p < polygons; at += sizes[p++]) {
                    for (int j = 0; j < sizes[p]; j++) {
                        int a = out[at + j];
                        int b = out[at + (j + 1) % sizes[p]];
                        if (isCrossing(a) && isCrossing(b)) {
                            sink.segment(a, b);
                        }
                    }
                }
            }
        }
    }

    /**
     * @return the contour as closed loops, each {@code x0, y0, x1, y1, …} (y up, the first point not repeated), the
     *         inside on the left: solid outlines counter-clockwise, holes clockwise
     */
    List<double[]> loops() {
        int[] next = new int[edges()];
        Arrays.fill(next, -1);
        segments((from, to) -> next[from - samples] = to - samples);
        List<double[]> loops = new ArrayList<>();
        double[] buffer = new double[64];
        for (int start = 0; start < next.length; start++) {
            if (next[start] < 0) {
                continue;
            }
            int n = 0;
            int e = start;
            do {
                if (n + 2 > buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[n++] = x(samples + e);
                buffer[n++] = y(samples + e);
                int following = next[e];
                if (following < 0) {
                    throw new IllegalStateException("open contour at edge " + e);
                }
                next[e] = -1;
                e = following;
            } while (e != start);
            loops.add(Arrays.copyOf(buffer, n));
        }
        return loops;
    }
}
