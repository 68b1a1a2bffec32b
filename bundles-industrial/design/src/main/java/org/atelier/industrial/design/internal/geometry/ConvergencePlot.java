package org.atelier.industrial.design.internal.geometry;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A PNG line plot of the optimisation history: compliance per iteration on the left axis, volume fraction on the
 * right one (from 0), with ticks, grid, axis labels and a legend. Drawn with Java2D into an image only, so it works
 * headless ({@code java.awt.headless=true}; it needs the fonts of the Java runtime, i.e. fontconfig and one font
 * installed). A value that is not a number breaks its line.
 */
public final class ConvergencePlot {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    static final Color COMPLIANCE = new Color(0x1f, 0x5f, 0xbf);
    static final Color VOLUME = new Color(0xe0, 0x70, 0x10);
    /** The plot area: {@code LEFT <= x < WIDTH - RIGHT}, {@code TOP <= y < HEIGHT - BOTTOM}. */
    static final int LEFT = 100;
    static final int RIGHT = 100;
    static final int TOP = 60;
    static final int BOTTOM = 70;
    private static final Color GRID = new Color(0xe6, 0xe6, 0xe6);
    private static final Color AXIS = new Color(0x33, 0x33, 0x33);

    private ConvergencePlot() {
    }

    /**
     * @param compliance per iteration, the first at iteration 1
     * @param volumeFraction per iteration, as many as {@code compliance}
     * @return the PNG, {@value #WIDTH} × {@value #HEIGHT}
     * @throws IllegalArgumentException if there is no iteration, the lengths differ or a series has no number
     */
    public static byte[] png(double[] compliance, double[] volumeFraction) {
        return Png.encode(image(compliance, volumeFraction));
    }

    static BufferedImage image(double[] compliance, double[] volumeFraction) {
        if (compliance == null || volumeFraction == null || compliance.length == 0) {
            throw new IllegalArgumentException("no iterations to plot");
        }
        if (compliance.length != volumeFraction.length) {
            throw new IllegalArgumentException("compliance has " + compliance.length
                    + " iterations but the volume fraction " + volumeFraction.length);
        }
        int n = compliance.length;
        double[] c = range(compliance, "compliance");
        double[] v = range(volumeFraction, "volume fraction");
        Axis iterations = Axis.of(1, Math.max(n, 2), 10, true);
        Axis left = Axis.of(c[0], c[1], 6, false);
        Axis right = Axis.of(Math.min(0, v[0]), v[1], 6, false);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int x0 = LEFT;
            int x1 = WIDTH - RIGHT;
            int y0 = HEIGHT - BOTTOM;
            int y1 = TOP;
            Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(font);
            FontMetrics fm = g.getFontMetrics();

            // grid and ticks
            g.setStroke(new BasicStroke(1));
            for (double t = iterations.first; t <= iterations.max + 1e-9; t += iterations.step) {
                int px = (int) Math.round(iterations.map(t, x0, x1));
                g.setColor(GRID);
                g.drawLine(px, y1, px, y0);
                g.setColor(AXIS);
                g.drawLine(px, y0, px, y0 + 5);
                String label = iterations.label(t);
                g.drawString(label, px - fm.stringWidth(label) / 2, y0 + 8 + fm.getAscent());
            }
            for (double t = left.first; t <= left.max + left.step * 1e-9; t += left.step) {
                int py = (int) Math.round(left.map(t, y0, y1));
                g.setColor(GRID);
                g.drawLine(x0, py, x1, py);
                g.setColor(AXIS);
                g.drawLine(x0 - 5, py, x0, py);
                String label = left.label(t);
                g.drawString(label, x0 - 8 - fm.stringWidth(label), py + fm.getAscent() / 2 - 1);
            }
            g.setColor(AXIS);
            for (double t = right.first; t <= right.max + right.step * 1e-9; t += right.step) {
                int py = (int) Math.round(right.map(t, y0, y1));
                g.drawLine(x1, py, x1 + 5, py);
                g.drawString(right.label(t), x1 + 8, py + fm.getAscent() / 2 - 1);
            }
            g.drawRect(x0, y1, x1 - x0, y0 - y1);

            // axis labels
            Font bold = font.deriveFont(Font.BOLD, 14f);
            g.setFont(bold);
            FontMetrics bm = g.getFontMetrics();
            g.drawString("Iteration", (x0 + x1 - bm.stringWidth("Iteration")) / 2, HEIGHT - 18);
            vertical(g, "Compliance", 24, (y0 + y1) / 2, -Math.PI / 2, COMPLIANCE);
            vertical(g, "Volume fraction", WIDTH - 24, (y0 + y1) / 2, Math.PI / 2, VOLUME);
            g.setColor(AXIS);
            g.setFont(bold.deriveFont(16f));
            g.drawString("Convergence", x0, 36);

            // curves, clipped to the plot area
            g.setClip(x0, y1, x1 - x0 + 1, y0 - y1 + 1);
            curve(g, compliance, iterations, left, x0, x1, y0, y1, COMPLIANCE);
            curve(g, volumeFraction, iterations, right, x0, x1, y0, y1, VOLUME);
            g.setClip(null);

            // legend, above the plot area on the right
            g.setFont(font);
            int lx = x1 - 300;
            legend(g, lx, 36, "Compliance", COMPLIANCE);
            legend(g, lx + 140, 36, "Volume fraction", VOLUME);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double[] range(double[] values, String name) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            if (Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (min > max) {
            throw new IllegalArgumentException("the " + name + " has no number to plot");
        }
        return new double[] {min, max};
    }

    private static void curve(Graphics2D g, double[] values, Axis xs, Axis ys, int x0, int x1, int y0, int y1,
            Color color) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                drawing = false;
                continue;
            }
            double px = xs.map(i + 1, x0, x1);
            double py = ys.map(values[i], y0, y1);
            if (drawing) {
                path.lineTo(px, py);
            } else {
                path.moveTo(px, py);
                drawing = true;
            }
        }
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        if (values.length < 30) {
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i])) {
                    double px = xs.map(i + 1, x0, x1);
                    double py = ys.map(values[i], y0, y1);
                    g.fill(new Ellipse2D.Double(px - 3.5, py - 3.5, 7, 7));
                }
            }
        }
    }

    private static void vertical(Graphics2D g, String text, int x, int y, double angle, Color color) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(angle);
        g.setColor(color);
        g.drawString(text, -g.getFontMetrics().stringWidth(text) / 2, 0);
        g.setTransform(saved);
    }

    private static void legend(Graphics2D g, int x, int y, String text, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x, y - 5, x + 28, y - 5);
        g.setColor(AXIS);
        g.drawString(text, x + 36, y);
    }

    /** A linear axis with round ticks. */
    static final class Axis {
        final double min;
        final double max;
        final double step;
        final double first;

        private Axis(double min, double max, double step) {
            this.min = min;
            this.max = max;
            this.step = step;
            this.first = Math.ceil(min / step - 1e-9) * step;
        }

        /**
         * @param ticks about how many ticks
         * @param integer whether ticks must be whole numbers
         * @return an axis from a round number at or below {@code lo} to one at or above {@code hi}
         */
        static Axis of(double lo, double hi, int ticks, boolean integer) {
            if (hi - lo <= Math.abs(hi) * 1e-9) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            double raw = (hi - lo) / ticks;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / magnitude;
            double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
            if (integer) {
                step = Math.max(1, Math.round(step));
                return new Axis(lo, hi, step);
            }
            return new Axis(Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step, step);
        }

        double map(double value, double from, double to) {
            return from + (value - min) / (max - min) * (to - from);
        }

        String label(double value) {
            if (Math.abs(value) < step * 1e-6) {
                return "0";
            }
            double abs = Math.abs(value);
            if (abs >= 1e6 || abs < 1e-3) {
                return String.format(Locale.ROOT, "%.2g", value);
            }
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
    }
}
