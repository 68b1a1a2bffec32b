package org.atelier.industrial.design.internal.geometry;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * A grey-scale PNG preview of the densities, as top88 shows them ({@code colormap(gray)} of {@code -x}): density 1
 * black, 0 white, one square of {@code scale} × {@code scale} pixels per element, the integer scale chosen so the
 * image is at least {@value #MIN_WIDTH} pixels wide while no side exceeds {@value #MAX_SIDE} (a domain wider than
 * that is drawn at one pixel per element).
 * <p>
 * A 3D design is shown in three orthographic views (third-angle): the front view (x to the right, {@code ely = 0} at
 * the top, looking along z) at the bottom left, the top view above it, the right-hand view beside it; each view is
 * the mean density along its line of sight, an X-ray: solid through the whole depth is black. The views are framed
 * by a grey line on a light grey background, and each view's two axes are drawn beside it as arrows named x, y and z,
 * pointing where the element index grows (the letters are strokes drawn here, so no font is needed).
 */
public final class DensityPng {

    static final int MIN_WIDTH = 600;
    static final int MAX_SIDE = 2400;
    /** The grey around and between the 3D views. */
    static final int BACKGROUND = 0xe0;
    /** The line around each 3D view, so that a view of pale grey stands apart from the background. */
    static final int FRAME = 0x60;
    /** The grey of the axis arrows and their letters. */
    static final int AXIS = 0x30;
    /** The band beside the views that holds the axis arrows and letters. */
    static final int LABEL_BAND = 24;
    /** The length of an axis arrow, at most the side of its view. */
    static final int ARROW = 40;

    private DensityPng() {
    }

    /**
     * @param x densities in [0, 1], {@code x[ely + elx * nely]}, {@code ely = 0} at the top
     * @return the PNG
     * @throws IllegalArgumentException if the sizes do not match the array or a value is not a number
     */
    public static byte[] png(double[] x, int nelx, int nely) {
        return png(x, nelx, nely, 1);
    }

    /**
     * @param x densities in [0, 1], {@code x[ely + elx * nely + elz * nelx * nely]}, {@code ely = 0} at the top
     * @param nelz 0 or 1 for a 2D design
     * @return the PNG: the image of a 2D design, three views of a 3D one
     * @throws IllegalArgumentException if the sizes do not match the array or a value is not a number
     */
    public static byte[] png(double[] x, int nelx, int nely, int nelz) {
        int layers = Densities.check(x, nelx, nely, nelz);
        return Png.encode(layers == 1 ? image(x, nelx, nely) : views(x, nelx, nely, layers));
    }

    static BufferedImage image(double[] x, int nelx, int nely) {
        int scale = Png.scale(nelx, nely, MIN_WIDTH, MAX_SIDE);
        int width = nelx * scale;
        BufferedImage image = new BufferedImage(width, nely * scale, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int ely = 0; ely < nely; ely++) {
            int row = ely * scale * width;
            for (int elx = 0; elx < nelx; elx++) {
                Arrays.fill(pixels, row + elx * scale, row + (elx + 1) * scale, grey(x[ely + elx * nely]));
            }
            for (int copy = 1; copy < scale; copy++) {
                System.arraycopy(pixels, row, pixels, row + copy * width, width);
            }
        }
        return image;
    }

    static BufferedImage views(double[] x, int nelx, int nely, int nelz) {
        // mean along the line of sight: front[elx, ely] over z, right[elz, ely] over x, top[elx, elz] over y
        double[] front = new double[nelx * nely];
        double[] right = new double[nelz * nely];
        double[] top = new double[nelx * nelz];
        for (int elz = 0; elz < nelz; elz++) {
            for (int elx = 0; elx < nelx; elx++) {
                int from = elx * nely + elz * nelx * nely;
                double column = 0;
                for (int ely = 0; ely < nely; ely++) {
                    double v = Densities.clamp(x[from + ely]);
                    front[elx * nely + ely] += v;
                    right[elz * nely + ely] += v;
                    column += v;
                }
                top[elz * nelx + elx] = column / nely;
            }
        }
        Views at = Views.of(nelx, nely, nelz);
        int scale = at.scale;
        int width = at.width;
        BufferedImage image = new BufferedImage(width, at.height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, (byte) BACKGROUND);
        frame(pixels, width, at.left, at.frontTop, nelx * scale, nely * scale);
        frame(pixels, width, at.left, at.topTop, nelx * scale, nelz * scale);
        frame(pixels, width, at.rightLeft, at.frontTop, nelz * scale, nely * scale);
        for (int elx = 0; elx < nelx; elx++) {
            for (int ely = 0; ely < nely; ely++) {
                square(pixels, width, at.left + elx * scale, at.frontTop + ely * scale, scale,
                        grey(front[elx * nely + ely] / nelz));
            }
            for (int elz = 0; elz < nelz; elz++) {
                // seen from above, the back (z = 0) at the top, the front next to the front view
                square(pixels, width, at.left + elx * scale, at.topTop + elz * scale, scale,
                        grey(top[elz * nelx + elx]));
            }
        }
        for (int elz = 0; elz < nelz; elz++) {
            for (int ely = 0; ely < nely; ely++) {
                // seen from the right, the front (high z) at the left, next to the front view
                square(pixels, width, at.rightLeft + (nelz - 1 - elz) * scale, at.frontTop + ely * scale, scale,
                        grey(right[elz * nely + ely] / nelx));
            }
        }
        axes(image, at, nelx * scale, nely * scale, nelz * scale);
        return image;
    }

    /**
     * The axes of each view: the front view's x along its bottom and y down its left side; the top view's x along
     * its top and z down its left side (the back, z = 0, at the top); the right-hand view's z along its bottom,
     * pointing left (the front at the left), and y down its right side.
     */
    private static void axes(BufferedImage image, Views at, int w, int h, int d) {
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL,
                    java.awt.RenderingHints.VALUE_STROKE_PURE);
            g.setColor(new java.awt.Color(AXIS, AXIS, AXIS));
            g.setStroke(new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_ROUND,
                    java.awt.BasicStroke.JOIN_ROUND));
            int below = at.frontTop + h + 9;
            int above = at.topTop - 9;
            horizontal(g, at.left, below, w, 1, 'x');
            horizontal(g, at.left, above, w, 1, 'x');
            horizontal(g, at.rightLeft + d, below, d, -1, 'z');
            vertical(g, at.left - 9, at.frontTop, h, -1, 'y');
            vertical(g, at.left - 9, at.topTop, d, -1, 'z');
            vertical(g, at.rightLeft + d + 9, at.frontTop, h, 1, 'y');
        } finally {
            g.dispose();
        }
    }

    /** An arrow from {@code x} along {@code side} pixels towards {@code dir} (±1), its letter past the tip. */
    private static void horizontal(java.awt.Graphics2D g, int x, int y, int side, int dir, char letter) {
        int tip = x + dir * Math.max(12, Math.min(ARROW, side));
        g.drawLine(x, y, tip, y);
        g.drawLine(tip, y, tip - dir * 5, y - 4);
        g.drawLine(tip, y, tip - dir * 5, y + 4);
        letter(g, dir > 0 ? tip + 4 : tip - 12, y - 5, letter);
    }

    /** An arrow down from {@code y} along {@code side} pixels, its letter beside the tip ({@code side} ±1). */
    private static void vertical(java.awt.Graphics2D g, int x, int y, int side, int letterSide, char letter) {
        int tip = y + Math.max(12, Math.min(ARROW, side));
        g.drawLine(x, y, x, tip);
        g.drawLine(x, tip, x - 4, tip - 5);
        g.drawLine(x, tip, x + 4, tip - 5);
        letter(g, x - 4, tip + 3, letter);
    }

    /** A lower-case x, y or z of 8 × 10 pixels with its top left corner at {@code (x, y)}, in strokes. */
    static void letter(java.awt.Graphics2D g, int x, int y, char letter) {
        switch (letter) {
            case 'x' -> {
                g.drawLine(x, y + 2, x + 8, y + 10);
                g.drawLine(x + 8, y + 2, x, y + 10);
            }
            case 'y' -> {
                g.drawLine(x, y + 2, x + 4, y + 7);
                g.drawLine(x + 8, y + 2, x + 2, y + 12);
            }
            case 'z' -> {
                g.drawLine(x, y + 2, x + 8, y + 2);
                g.drawLine(x + 8, y + 2, x, y + 10);
                g.drawLine(x, y + 10, x + 8, y + 10);
            }
            default -> throw new IllegalArgumentException("no stroke letter " + letter);
        }
    }

    /** Where the three views of a 3D design go, in pixels: the left or top edge of each. */
    record Views(int scale, int left, int topTop, int frontTop, int rightLeft, int width, int height) {

        static Views of(int nelx, int nely, int nelz) {
            int scale = Png.scale(nelx + nelz + 1, nely + nelz + 1, MIN_WIDTH, MAX_SIDE);
            int gap = Math.max(scale, 8);
            // the axes go in a band around the views: x of the top view above it, y and z to the left, x and z
            // below, the right-hand view's y to its right
            int band = Math.max(gap, LABEL_BAND);
            int frontTop = band + nelz * scale + gap;
            int rightLeft = band + nelx * scale + gap;
            return new Views(scale, band, band, frontTop, rightLeft, rightLeft + nelz * scale + band,
                    frontTop + nely * scale + band);
        }
    }

    /** A line of {@link #FRAME} just outside the view at {@code (x, y)} of {@code w} × {@code h} pixels. */
    private static void frame(byte[] pixels, int width, int x, int y, int w, int h) {
        Arrays.fill(pixels, (y - 1) * width + x - 1, (y - 1) * width + x + w + 1, (byte) FRAME);
        Arrays.fill(pixels, (y + h) * width + x - 1, (y + h) * width + x + w + 1, (byte) FRAME);
        for (int row = y; row < y + h; row++) {
            pixels[row * width + x - 1] = (byte) FRAME;
            pixels[row * width + x + w] = (byte) FRAME;
        }
    }

    private static void square(byte[] pixels, int width, int x, int y, int size, byte grey) {
        for (int row = y; row < y + size; row++) {
            Arrays.fill(pixels, row * width + x, row * width + x + size, grey);
        }
    }

    /** @return the grey of a density: 0 for 1 (black), 255 for 0 (white) */
    static byte grey(double density) {
        return (byte) Math.round(255 * (1 - Densities.clamp(density)));
    }
}
