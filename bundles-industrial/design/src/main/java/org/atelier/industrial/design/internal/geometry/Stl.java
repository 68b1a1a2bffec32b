package org.atelier.industrial.design.internal.geometry;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Binary STL of a design: a closed, consistently oriented (normals outward) triangle mesh in element units times
 * {@code scale}, x to the right, y up ({@code ely = 0} is the top), z towards the viewer of the density image.
 * <ul>
 * <li>2D: the 0.5 region of the smoothed densities ({@link IsoGrid}, the same region as {@link ContourSvg}) extruded
 * to a plate: the caps are the marching-squares cells (a row of full cells as one strip), the walls stand on the
 * contour segments.</li>
 * <li>3D: marching tetrahedra (six per cube, the same diagonal in every cube, so neighbouring cubes cut their shared
 * faces alike) on the smoothed densities with a ring of zeros around the domain, so the surface closes; each
 * triangle turned so that its normal points from the inside samples of its tetrahedron to the outside ones.</li>
 * </ul>
 * Every crossing is computed from its grid edge alone, so the triangles on either side of it get the very same
 * floats: the mesh is watertight as written. The 80-byte header holds a short plain description and zeros; the
 * artifact store replaces it with the AIGC label ({@code StlLabeler}), which is why it is never {@code solid …}.
 */
public final class Stl {

    /** Triangles more than this do not fit a byte array (50 bytes each). */
    static final int MAX_TRIANGLES = (Integer.MAX_VALUE - 84) / 50;
    private static final String HEADER = "binary STL, topology optimisation design, element units";

    private Stl() {
    }

    /**
     * @param x densities in [0, 1], {@code x[ely + elx * nely]}, {@code ely = 0} at the top
     * @param thickness of the plate in element units, positive
     * @return the plate as binary STL, one element = 1 unit
     * @throws IllegalArgumentException if the sizes do not match, or nothing reaches 0.5 ("the design is empty")
     */
    public static byte[] plate(double[] x, int nelx, int nely, double thickness) {
        return plate(x, nelx, nely, thickness, 1);
    }

    /**
     * @param scale units (millimetres, as a slicer reads STL) per element, positive
     * @see #plate(double[], int, int, double)
     */
    public static byte[] plate(double[] x, int nelx, int nely, double thickness, double scale) {
        Densities.check(x, nelx, nely, 1);
        positive("thickness", thickness);
        positive("scale", scale);
        IsoGrid grid = IsoGrid.of(x, nelx, nely, true);
        if (grid.empty()) {
            throw new IllegalArgumentException("the design is empty: no region reaches density 0.5");
        }
        Mesh mesh = new Mesh((float) scale);
        extrude(new MarchingSquares(grid), thickness, mesh);
        return mesh.stl();
    }

    /**
     * @param x densities in [0, 1], {@code x[ely + elx * nely + elz * nelx * nely]}, {@code ely = 0} at the top
     * @return the 0.5 iso-surface as binary STL, one element = 1 unit
     * @throws IllegalArgumentException if the sizes do not match, or nothing reaches 0.5 ("the design is empty")
     */
    public static byte[] solid(double[] x, int nelx, int nely, int nelz) {
        return solid(x, nelx, nely, nelz, 1);
    }

    /**
     * @param scale units (millimetres, as a slicer reads STL) per element, positive
     * @see #solid(double[], int, int, int)
     */
    public static byte[] solid(double[] x, int nelx, int nely, int nelz, double scale) {
        Densities.check(x, nelx, nely, nelz);
        positive("scale", scale);
        IsoGrid grid = IsoGrid.of(x, nelx, nely, Math.max(1, nelz), true);
        if (grid.empty()) {
            throw new IllegalArgumentException("the design is empty: no region reaches density 0.5");
        }
        Mesh mesh = new Mesh((float) scale);
        new MarchingTetrahedra(grid, mesh).run();
        return mesh.stl();
    }

    private static void positive(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the " + name + " must be a positive number: " + value);
        }
    }

    private static void extrude(MarchingSquares ms, double thickness, Mesh mesh) {
        IsoGrid g = ms.g;
        double top = thickness;
        int[] out = new int[8];
        int[] sizes = new int[2];
        int[] below = new int[g.w];
        int[] above = new int[g.w];
        for (int r = 0; r < g.h - 1; r++) {
            int i = 0;
            while (i < g.w - 1) {
                if (ms.full(i, r)) {
                    int end = i;
                    while (end < g.w - 1 && ms.full(end, r)) {
                        end++;
                    }
                    // a run of full cells [i, end): one strip between the vertices its neighbours need
                    int nb = lineVertices(ms, i, end, r, r - 1, below);
                    int na = lineVertices(ms, i, end, r + 1, r + 1, above);
                    strip(g, below, nb, above, na, top, mesh);
                    i = end;
                    continue;
                }
                int polygons = ms.polygons(i, r, out, sizes);
                for (int p = 0, at = 0; p < polygons; at += sizes[p++]) {
                    for (int j = 1; j + 1 < sizes[p]; j++) {
                        int a = out[at];
                        int b = out[at + j];
                        int c = out[at + j + 1];
                        mesh.add(ms.x(a), ms.y(a), top, ms.x(b), ms.y(b), top, ms.x(c), ms.y(c), top);
                        mesh.add(ms.x(a), ms.y(a), 0, ms.x(c), ms.y(c), 0, ms.x(b), ms.y(b), 0);
                    }
                }
                i++;
            }
        }
        ms.segments((from, to) -> {
            double px = ms.x(from);
            double py = ms.y(from);
            double qx = ms.x(to);
            double qy = ms.y(to);
            mesh.add(px, py, 0, qx, qy, 0, qx, qy, top);
            mesh.add(px, py, 0, qx, qy, top, px, py, top);
        });
    }

    /**
     * The samples on row {@code line} from column {@code from} to {@code to} that a full run needs as vertices: its
     * ends, and every sample where the cells of row {@code other} on the far side do not continue as one full run.
     */
    private static int lineVertices(MarchingSquares ms, int from, int to, int line, int other, int[] out) {
        int n = 0;
        out[n++] = line * ms.g.w + from;
        for (int i = from + 1; i < to; i++) {
            boolean through = other >= 0 && other < ms.g.h - 1 && ms.full(i - 1, other) && ms.full(i, other);
            if (!through) {
                out[n++] = line * ms.g.w + i;
            }
        }
        out[n++] = line * ms.g.w + to;
        return n;
    }

    /** Triangles between a row of samples below and one above that start and end at the same x. */
    private static void strip(IsoGrid g, int[] below, int nb, int[] above, int na, double top, Mesh mesh) {
        int i = 0;
        int j = 0;
        while (i < nb - 1 || j < na - 1) {
            // advance along the row whose next vertex comes first; either way the triangle is counter-clockwise
            if (j == na - 1 || i < nb - 1 && g.x(below[i + 1]) <= g.x(above[j + 1])) {
                tri(g, below[i], below[i + 1], above[j], top, mesh);
                i++;
            } else {
                tri(g, below[i], above[j + 1], above[j], top, mesh);
                j++;
            }
        }
    }

    /** A counter-clockwise triangle on the top cap, and its mirror image on the bottom one. */
    private static void tri(IsoGrid g, int a, int b, int c, double top, Mesh mesh) {
        mesh.add(g.x(a), g.y(a), top, g.x(b), g.y(b), top, g.x(c), g.y(c), top);
        mesh.add(g.x(a), g.y(a), 0, g.x(c), g.y(c), 0, g.x(b), g.y(b), 0);
    }

    /** Marching tetrahedra over the cubes of a 3D grid. */
    private static final class MarchingTetrahedra {

        /** The axis orders of the six tetrahedra of a cube around its diagonal from (0,0,0) to (1,1,1). */
        private static final int[][] ORDERS = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};

        private final IsoGrid g;
        private final Mesh mesh;
        private final int[] offset;
        private final int[] tet = new int[4];
        private final int[] in = new int[4];
        private final int[] out = new int[4];
        private final double[] p = new double[12];

        MarchingTetrahedra(IsoGrid g, Mesh mesh) {
            this.g = g;
            this.mesh = mesh;
            this.offset = new int[] {1, g.w, g.w * g.h};
        }

        void run() {
            int diagonal = offset[0] + offset[1] + offset[2];
            for (int k = 0; k < g.d - 1; k++) {
                for (int r = 0; r < g.h - 1; r++) {
                    for (int i = 0; i < g.w - 1; i++) {
                        int s = g.index(i, r, k);
                        if (uniform(s)) {
                            continue;
                        }
                        for (int[] order : ORDERS) {
                            tet[0] = s;
                            tet[1] = s + offset[order[0]];
                            tet[2] = tet[1] + offset[order[1]];
                            tet[3] = s + diagonal;
                            tetrahedron();
                        }
                    }
                }
            }
        }

        /** @return whether the eight corners of the cube at {@code s} are all inside or all outside */
        private boolean uniform(int s) {
            boolean first = g.inside(s);
            for (int c = 1; c < 8; c++) {
                int corner = s + ((c & 1) != 0 ? offset[0] : 0) + ((c & 2) != 0 ? offset[1] : 0)
                        + ((c & 4) != 0 ? offset[2] : 0);
                if (g.inside(corner) != first) {
                    return false;
                }
            }
            return true;
        }

        private void tetrahedron() {
            int ni = 0;
            int no = 0;
            for (int s : tet) {
                if (g.inside(s)) {
                    in[ni++] = s;
                } else {
                    out[no++] = s;
                }
            }
            if (ni == 0 || no == 0) {
                return;
            }
            if (ni == 1 || no == 1) {
                int apex = ni == 1 ? in[0] : out[0];
                int[] others = ni == 1 ? out : in;
                for (int j = 0; j < 3; j++) {
                    crossing(apex, others[j], j);
                }
                emit(3);
                return;
            }
            // two in (a, b), two out (c, d): the quad a-c, a-d, b-d, b-c
            crossing(in[0], out[0], 0);
            crossing(in[0], out[1], 1);
            crossing(in[1], out[1], 2);
            crossing(in[1], out[0], 3);
            emit(4);
        }

        /** Puts the point where the edge between samples {@code a} and {@code b} crosses 0.5 at {@code p[3 j]}. */
        private void crossing(int a, int b, int j) {
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            double t = g.t(lo, hi);
            double x = g.x(lo);
            double y = g.y(lo);
            double z = g.z(lo);
            p[3 * j] = x + t * (g.x(hi) - x);
            p[3 * j + 1] = y + t * (g.y(hi) - y);
            p[3 * j + 2] = z + t * (g.z(hi) - z);
        }

        /** Emits the polygon in {@code p} (3 or 4 points in cyclic order) turned so its normal points outward. */
        private void emit(int n) {
            // the normal of the polygon: for a triangle (p1 - p0) x (p2 - p0), for a quad (p2 - p0) x (p3 - p1)
            int b = n == 3 ? 1 : 2;
            int c = n == 3 ? 2 : 3;
            int d = n == 3 ? 0 : 1;
            double ux = p[3 * b] - p[0];
            double uy = p[3 * b + 1] - p[1];
            double uz = p[3 * b + 2] - p[2];
            double vx = p[3 * c] - p[3 * d];
            double vy = p[3 * c + 1] - p[3 * d + 1];
            double vz = p[3 * c + 2] - p[3 * d + 2];
            double nx = uy * vz - uz * vy;
            double ny = uz * vx - ux * vz;
            double nz = ux * vy - uy * vx;
            // outward: from the centre of the inside samples towards the centre of the outside ones (the values are
            // linear in a tetrahedron, so the polygon is flat and this is exact)
            double ox = 0;
            double oy = 0;
            double oz = 0;
            int inside = 0;
            for (int s : tet) {
                if (g.inside(s)) {
                    inside++;
                }
            }
            for (int s : tet) {
                double weight = g.inside(s) ? -1.0 / inside : 1.0 / (4 - inside);
                ox += weight * g.x(s);
                oy += weight * g.y(s);
                oz += weight * g.z(s);
            }
            boolean flip = nx * ox + ny * oy + nz * oz < 0;
            for (int j = 1; j + 1 < n; j++) {
                int q = flip ? j + 1 : j;
                int w = flip ? j : j + 1;
                mesh.add(p[0], p[1], p[2], p[3 * q], p[3 * q + 1], p[3 * q + 2], p[3 * w], p[3 * w + 1],
                        p[3 * w + 2]);
            }
        }
    }

    /** Triangles as floats, nine per triangle, written out as binary STL. */
    static final class Mesh {

        private final float scale;
        private float[] v = new float[9 * 1024];
        private int n;

        Mesh(float scale) {
            this.scale = scale;
        }

        void add(double ax, double ay, double az, double bx, double by, double bz, double cx, double cy, double cz) {
            if (n + 9 > v.length) {
                if (v.length / 9 >= MAX_TRIANGLES) {
                    throw new IllegalArgumentException("the mesh would have more than " + MAX_TRIANGLES
                            + " triangles");
                }
                v = Arrays.copyOf(v, (int) Math.min(9L * MAX_TRIANGLES, v.length * 2L));
            }
            v[n++] = (float) ax * scale;
            v[n++] = (float) ay * scale;
            v[n++] = (float) az * scale;
            v[n++] = (float) bx * scale;
            v[n++] = (float) by * scale;
            v[n++] = (float) bz * scale;
            v[n++] = (float) cx * scale;
            v[n++] = (float) cy * scale;
            v[n++] = (float) cz * scale;
        }

        byte[] stl() {
            int triangles = n / 9;
            ByteBuffer out = ByteBuffer.allocate(84 + 50 * triangles).order(ByteOrder.LITTLE_ENDIAN);
            out.put(HEADER.getBytes(StandardCharsets.US_ASCII));
            out.position(80);
            out.putInt(triangles);
            for (int t = 0; t < n; t += 9) {
                float ux = v[t + 3] - v[t];
                float uy = v[t + 4] - v[t + 1];
                float uz = v[t + 5] - v[t + 2];
                float wx = v[t + 6] - v[t];
                float wy = v[t + 7] - v[t + 1];
                float wz = v[t + 8] - v[t + 2];
                float nx = uy * wz - uz * wy;
                float ny = uz * wx - ux * wz;
                float nz = ux * wy - uy * wx;
                float length = (float) Math.sqrt(nx * nx + ny * ny + nz * nz);
                if (length > 0) {
                    nx /= length;
                    ny /= length;
                    nz /= length;
                }
                out.putFloat(nx).putFloat(ny).putFloat(nz);
                for (int j = 0; j < 9; j++) {
                    out.putFloat(v[t + j]);
                }
                out.putShort((short) 0);
            }
            return out.array();
        }
    }
}
