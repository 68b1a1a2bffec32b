package org.atelier.runtime.internal.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AigcMarkTest {

    @TempDir
    Path dir;

    /** Share of the band's pixels in columns [from, to) that are bright (the drawn words). */
    private static double ink(BufferedImage img, int from, int to, int top) {
        return ink(img, from, to, top, img.getHeight());
    }

    private static double ink(BufferedImage img, int from, int to, int top, int bottom) {
        int bright = 0;
        int all = 0;
        for (int x = from; x < to; x++) {
            for (int y = top; y < bottom; y++) {
                all++;
                if ((img.getRGB(x, y) & 0xff) > 160) {
                    bright++;
                }
            }
        }
        return all == 0 ? 0 : (double) bright / all;
    }

    @Test
    void theMarkSaysAiShengChengWithoutAnyFont() throws Exception {
        BufferedImage grey = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(0x40, 0x40, 0x40));
        g.fillRect(0, 0, 480, 480);
        g.dispose();

        BufferedImage marked = PngLabeler.mark(grey);
        ImageIO.write(marked, "png", dir.resolve("marked.png").toFile());

        int h = 480 / 12;
        double em = h * 0.72;
        Rectangle2D words = AigcMark.bounds(em);
        // "AI" takes 1.146 em, then 生 and 成 a em each: each part carries ink, as glyphs do (10–60 % of their box)
        int ai = (int) Math.round(words.getX() + h * 0.22 + 1.146 * em);
        int sheng = (int) Math.round(ai + 0.04 * em + em);
        int cheng = (int) Math.round(sheng + em);
        int top = 480 - h;
        assertThat(ink(marked, 0, ai, top)).as("A and I").isBetween(0.1, 0.6);
        assertThat(ink(marked, ai, sheng, top)).as("生").isBetween(0.1, 0.6);
        assertThat(ink(marked, sheng, cheng, top)).as("成").isBetween(0.1, 0.6);
        assertThat(ink(marked, cheng + (int) (0.3 * em), 480, 0)).as("nothing right of the band").isZero();
        assertThat(ink(marked, 0, 480, 0, top)).as("nothing above it").isZero();
    }

    @Test
    void theWordsAreAboutThreeEmsWideAndSitOnTheBaseline() {
        Rectangle2D b = AigcMark.bounds(1000);
        assertThat(b.getWidth()).isBetween(3000.0, 3250.0);
        assertThat(b.getMinY()).isBetween(-860.0, -700.0);
        assertThat(b.getMaxY()).as("成's hook dips below the baseline").isBetween(0.0, 120.0);
    }

    @Test
    void theOutlineNotationIsReadStrictly() {
        assertThat(AigcMark.parse("M0 0L10 0L10 10Z").getBounds2D().getWidth()).isEqualTo(10.0);
        assertThatThrownBy(() -> AigcMark.parse("M0 0X1 1")).hasMessageContaining("'X'");
    }
}
