package org.atelier.industrial.design.internal.geometry;

import java.util.List;

/**
 * SVG 1.1 of a 2D design: the 0.5 contour of the lightly smoothed densities ({@link IsoGrid}) found by marching
 * squares with linear interpolation, every loop a closed sub-path of one {@code <path>} filled with the even-odd rule,
 * so holes stay holes. The view box is the design domain in element units ({@code 0 0 nelx nely}, y down as in the
 * density image); the domain is outlined in light grey.
 */
public final class ContourSvg {

    /** Points closer than this (in element units) to the line through their neighbours are left out. */
    private static final double STRAIGHT = 1e-6;
    private static final int PIXELS = 800;

    private ContourSvg() {
    }

    /**
     * @param x densities in [0, 1], {@code x[ely + elx * nely]}, {@code ely = 0} at the top
     * @return the SVG document
     * @throws IllegalArgumentException if the sizes do not match, or nothing reaches 0.5 ("the design is empty")
     */
    public static String svg(double[] x, int nelx, int nely) {
        Densities.check(x, nelx, nely, 1);
        IsoGrid grid = IsoGrid.of(x, nelx, nely, true);
        if (grid.empty()) {
            throw new IllegalArgumentException("the design is empty: no region reaches density 0.5");
        }
        return svg(new MarchingSquares(grid).loops(), nelx, nely);
    }

    static String svg(List<double[]> loops, int nelx, int nely) {
        double scale = Math.max(1, PIXELS / (double) Math.max(nelx, nely));
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 ")
                .append(nelx).append(' ').append(nely).append("\" width=\"").append(Math.round(nelx * scale))
                .append("\" height=\"").append(Math.round(nely * scale)).append("\">\n")
                .append("  <title>Topology optimisation design, ").append(nelx).append(" x ").append(nely)
                .append(" elements, 0.5 density contour</title>\n")
                .append("  <rect x=\"0\" y=\"0\" width=\"").append(nelx).append("\" height=\"").append(nely)
                .append("\" fill=\"white\" stroke=\"#c8c8c8\" stroke-width=\"0.2\"/>\n")
                .append("  <path fill=\"black\" fill-rule=\"evenodd\" d=\"");
        boolean first = true;
        for (double[] loop : loops) {
            int n = loop.length / 2;
            boolean move = true;
            for (int j = 0; j < n; j++) {
                if (n > 3 && straight(loop, (j + n - 1) % n, j, (j + 1) % n)) {
                    continue;
                }
                if (!first) {
                    out.append(' ');
                }
                first = false;
                out.append(move ? 'M' : 'L');
                move = false;
                number(out, loop[2 * j]);
                out.append(',');
                number(out, nely - loop[2 * j + 1]);
            }
            out.append(" Z");
        }
        return out.append("\"/>\n</svg>\n").toString();
    }

    /** @return whether point {@code b} lies on the line from {@code a} to {@code c} */
    private static boolean straight(double[] p, int a, int b, int c) {
        double ux = p[2 * b] - p[2 * a];
        double uy = p[2 * b + 1] - p[2 * a + 1];
        double vx = p[2 * c] - p[2 * a];
        double vy = p[2 * c + 1] - p[2 * a + 1];
        double length = Math.hypot(vx, vy);
        return length > 0 && Math.abs(ux * vy - uy * vx) / length < STRAIGHT && ux * vx + uy * vy > 0
                && ux * vx + uy * vy < length * length;
    }

    /** Appends {@code v} with at most three decimals and no trailing zeros. */
    private static void number(StringBuilder out, double v) {
        long thousandths = Math.round(v * 1000);
        if (thousandths < 0) {
            out.append('-');
            thousandths = -thousandths;
        }
        out.append(thousandths / 1000);
        int fraction = (int) (thousandths % 1000);
        if (fraction != 0) {
            out.append('.');
            if (fraction < 100) {
                out.append('0');
            }
            if (fraction < 10) {
                out.append('0');
            }
            while (fraction % 10 == 0) {
                fraction /= 10;
            }
            out.append(fraction);
        }
    }
}
