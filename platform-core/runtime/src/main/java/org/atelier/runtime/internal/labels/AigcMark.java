package org.atelier.runtime.internal.labels;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The explicit AIGC mark's words, "AI生成", drawn from outlines kept here: no font is needed, so the mark reads the
 * same on a machine without any font, or without a Chinese one (where text drawing fell back to "AI" alone).
 *
 * <p>The outlines are in units of 1/1000 em, y down, on the baseline y = 0. "AI" is taken from DejaVu Sans Bold
 * (Bitstream Vera fonts, copyright (c) 2003 Bitstream, Inc.; DejaVu changes in the public domain), "生成" from Droid
 * Sans Fallback (copyright (c) 2005-2008 The Android Open Source Project, Apache License 2.0), made bold here by a
 * stroke along the outline.
 */
final class AigcMark {

    /** "AI", DejaVu Sans Bold, advance 1146. */
    private static final String AI = "M534 -133L240 -133L194 0L5 0L275 -729L499 -729L769 0L580 0L534 -133ZM287 -268L487 -268L387 -558L287 -268ZM866 -729L1054 -729L1054 0L866 0L866 -729Z";
    /** "生成", Droid Sans Fallback, advance 2000, drawn from x = 0. */
    private static final String SHENG_CHENG = "M246 -777L320 -754L262 -598L484 -598L484 -809L563 -809L563 -598L902 -598L902 -523L563 -523L563 -309L863 -309L863 -234L563 -234L563 -20L949 -20L949 55L70 55L70 -20L484 -20L484 -234L184 -234L184 -309L484 -309L484 -523L223 -523Q180 -437 125 -371L63 -422Q188 -574 246 -777ZM1758 -809Q1801 -766 1832 -711L1762 -680L1691 -777L1758 -809ZM1898 -660L1898 -590L1633 -590Q1645 -371 1695 -223Q1750 -336 1789 -500L1867 -469Q1820 -262 1734 -121Q1797 8 1832 8Q1863 8 1879 -105L1949 -74Q1914 90 1832 90Q1758 90 1680 -51Q1605 39 1516 90L1477 12Q1570 -43 1641 -133Q1570 -312 1555 -590L1203 -590L1203 -426L1469 -426Q1465 -148 1441 -76Q1418 -4 1355 -4L1270 -12L1258 -90L1348 -82Q1367 -82 1371 -104Q1375 -125 1387 -359L1203 -359Q1203 -98 1109 78L1039 35Q1125 -141 1129 -305L1129 -660L1551 -660L1543 -809L1625 -809L1629 -660L1898 -660Z";
    private static final double GAP = 40;
    private static final double EMBOLDEN = 36;

    /** The words in em units (1000 a em), on the baseline y = 0, starting at x = 0. */
    static final Shape WORDS = words();

    private AigcMark() {
    }

    private static Shape words() {
        Area all = new Area(parse(AI));
        Shape zh = AffineTransform.getTranslateInstance(1146 + GAP, 0).createTransformedShape(parse(SHENG_CHENG));
        Area bold = new Area(zh);
        bold.add(new Area(new BasicStroke((float) EMBOLDEN, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                .createStrokedShape(zh)));
        all.add(bold);
        return all;
    }

    /** Reads the outline notation used here: M, L, Q, C with integer coordinates, Z to close. */
    static Path2D parse(String path) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
        int i = 0;
        int n = path.length();
        while (i < n) {
            char op = path.charAt(i++);
            int count = switch (op) {
                case 'M', 'L' -> 2;
                case 'Q' -> 4;
                case 'C' -> 6;
                case 'Z' -> 0;
                default -> throw new IllegalArgumentException("unknown outline operation '" + op + "' at " + (i - 1));
            };
            double[] v = new double[count];
            for (int k = 0; k < count; k++) {
                int start = i;
                while (i < n && (path.charAt(i) == '-' || Character.isDigit(path.charAt(i)))) {
                    i++;
                }
                v[k] = Integer.parseInt(path, start, i, 10);
                if (i < n && path.charAt(i) == ' ') {
                    i++;
                }
            }
            switch (op) {
                case 'M' -> p.moveTo(v[0], v[1]);
                case 'L' -> p.lineTo(v[0], v[1]);
                case 'Q' -> p.quadTo(v[0], v[1], v[2], v[3]);
                case 'C' -> p.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                default -> p.closePath();
            }
        }
        return p;
    }

    /** The words at a size: {@code em} pixels a em, the baseline's left end at (x, baseline). */
    static Shape at(double x, double baseline, double em) {
        AffineTransform t = new AffineTransform();
        t.translate(x, baseline);
        t.scale(em / 1000, em / 1000);
        return t.createTransformedShape(WORDS);
    }

    /** The words' bounds at a size, relative to the baseline's left end. */
    static Rectangle2D bounds(double em) {
        return at(0, 0, em).getBounds2D();
    }

    /** Fills the words with the graphics' current paint, antialiased. */
    static void draw(Graphics2D g, double x, double baseline, double em) {
        Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.fill(at(x, baseline, em));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa == null ? RenderingHints.VALUE_ANTIALIAS_DEFAULT : aa);
    }
}
