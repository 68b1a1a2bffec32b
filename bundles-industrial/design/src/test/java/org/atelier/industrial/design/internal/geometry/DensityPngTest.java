package org.atelier.industrial.design.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class DensityPngTest {

    @Test
    void eachElementIsASquareOfItsGreyBlackForSolidWhiteForVoid() throws IOException {
        int nelx = 30;
        int nely = 10;
        double[] x = Fields.of(nelx, nely, (elx, ely) -> (elx + ely) % 5 / 4.0);
        x[0] = 1; // top left
        x[nely - 1] = 0; // bottom left
        x[nely * nelx - 1] = 0.25; // bottom right

        BufferedImage image = decode(DensityPng.png(x, nelx, nely));

        assertThat(image.getWidth()).isGreaterThanOrEqualTo(600).isLessThanOrEqualTo(DensityPng.MAX_SIDE);
        assertThat(image.getWidth() % nelx).isZero();
        int scale = image.getWidth() / nelx;
        assertThat(image.getHeight()).isEqualTo(nely * scale);
        assertThat(grey(image, 0, 0)).as("top left, density 1").isZero();
        assertThat(grey(image, 0, image.getHeight() - 1)).as("bottom left, density 0").isEqualTo(255);
        assertThat(grey(image, image.getWidth() - 1, image.getHeight() - 1)).as("bottom right, 0.25").isEqualTo(191);
        for (int elx = 0; elx < nelx; elx += 7) {
            for (int ely = 1; ely < nely - 1; ely += 3) {
                int expected = (int) Math.round(255 * (1 - x[ely + elx * nely]));
                assertThat(grey(image, elx * scale + scale / 2, ely * scale + scale / 2))
                        .as("element %d, %d", elx, ely).isEqualTo(expected);
                assertThat(grey(image, elx * scale + scale - 1, ely * scale))
                        .as("corner of element %d, %d", elx, ely).isEqualTo(expected);
            }
        }
    }

    @Test
    void aWideDomainIsOnePixelPerElementAndATallOneStaysBounded() throws IOException {
        BufferedImage wide = decode(DensityPng.png(Fields.truss(1200, 400), 1200, 400));
        assertThat(wide.getWidth()).isEqualTo(1200);
        assertThat(wide.getHeight()).isEqualTo(400);

        BufferedImage tall = decode(DensityPng.png(new double[10 * 1000], 10, 1000));
        assertThat(tall.getHeight()).isLessThanOrEqualTo(DensityPng.MAX_SIDE);
        assertThat(tall.getWidth()).isEqualTo(10 * tall.getHeight() / 1000);
    }

    @Test
    void aThreeDimensionalDesignShowsItsFrontTopAndRightViewsAsMeansAlongTheLineOfSight() throws IOException {
        int nelx = 6;
        int nely = 4;
        int nelz = 3;
        // one solid element at (elx 2, ely 1, elz 0): the back layer
        double[] x = Fields.of(nelx, nely, nelz, (elx, ely, elz) -> elx == 2 && ely == 1 && elz == 0 ? 1 : 0);

        BufferedImage image = decode(DensityPng.png(x, nelx, nely, nelz));

        DensityPng.Views at = DensityPng.Views.of(nelx, nely, nelz);
        assertThat(image.getWidth()).isEqualTo(at.width()).isGreaterThanOrEqualTo(600);
        assertThat(image.getHeight()).isEqualTo(at.height());
        int s = at.scale();
        int half = s / 2;
        assertThat(grey(image, at.left() + 2 * s + half, at.frontTop() + s + half)).as("front: 1 of 3 layers")
                .isEqualTo(170);
        assertThat(grey(image, at.left() + 3 * s + half, at.frontTop() + s + half)).as("front, beside").isEqualTo(255);
        assertThat(grey(image, at.left() + 2 * s + half, at.topTop() + half)).as("top: 1 of 4 rows, the back row")
                .isEqualTo(191);
        assertThat(grey(image, at.left() + 2 * s + half, at.topTop() + 2 * s + half)).as("top, front row")
                .isEqualTo(255);
        assertThat(grey(image, at.rightLeft() + 2 * s + half, at.frontTop() + s + half))
                .as("right: 1 of 6 columns, the back at the right").isEqualTo(213);
        assertThat(grey(image, 1, 1)).as("background").isEqualTo(DensityPng.BACKGROUND);
    }

    @Test
    void eachThreeDimensionalViewHasItsTwoAxesDrawnBesideItWithTheirLetters() throws IOException {
        int nelx = 30;
        int nely = 10;
        int nelz = 10;
        BufferedImage image = decode(DensityPng.png(new double[nelx * nely * nelz], nelx, nely, nelz));
        DensityPng.Views at = DensityPng.Views.of(nelx, nely, nelz);
        int w = nelx * at.scale();
        int h = nely * at.scale();
        int d = nelz * at.scale();

        // the arrow and the letter past its tip, in the band beside each view
        assertThat(dark(image, at.left(), at.frontTop() + h + 2, 60, 20)).as("front view: x below").isPositive();
        assertThat(dark(image, at.left() + 44, at.frontTop() + h + 2, 16, 20)).as("front view: the letter x")
                .isPositive();
        assertThat(dark(image, at.left() - 20, at.frontTop(), 20, 60)).as("front view: y to the left").isPositive();
        assertThat(dark(image, at.left(), at.topTop() - 20, 60, 18)).as("top view: x above").isPositive();
        assertThat(dark(image, at.left() - 20, at.topTop(), 20, Math.min(d, 60))).as("top view: z to the left")
                .isPositive();
        assertThat(dark(image, at.rightLeft() + d - 60, at.frontTop() + h + 2, 60, 20))
                .as("right-hand view: z below, pointing to the front").isPositive();
        assertThat(dark(image, at.rightLeft() + d + 2, at.frontTop(), 20, 60)).as("right-hand view: y to the right")
                .isPositive();
        // the views themselves are untouched: density 0 is white all over
        assertThat(dark(image, at.left(), at.frontTop(), w, h)).isZero();
        assertThat(dark(image, at.rightLeft(), at.frontTop(), d, h)).isZero();
        assertThat(dark(image, at.left(), at.topTop(), w, d)).isZero();
    }

    /** @return how many pixels of the rectangle are as dark as the axes' strokes */
    private static int dark(BufferedImage image, int x, int y, int w, int h) {
        int n = 0;
        for (int row = Math.max(0, y); row < Math.min(image.getHeight(), y + h); row++) {
            for (int col = Math.max(0, x); col < Math.min(image.getWidth(), x + w); col++) {
                if (grey(image, col, row) < 0x58) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aThreeDimensionalFieldOfOneLayerIsDrawnAsTwoDimensional() throws IOException {
        double[] x = Fields.disc(40, 20, 20, 10, 8);

        assertThat(decode(DensityPng.png(x, 40, 20, 1)).getWidth()).isEqualTo(decode(DensityPng.png(x, 40, 20))
                .getWidth()).isEqualTo(600);
    }

    @Test
    void refusesAFieldThatDoesNotMatchItsSizesOrHoldsNoNumber() {
        assertThatThrownBy(() -> DensityPng.png(new double[10], 3, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10 values").hasMessageContaining("3 × 3 × 1 = 9");
        double[] x = new double[9];
        x[4] = Double.NaN;
        assertThatThrownBy(() -> DensityPng.png(x, 3, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("density 4 is not a number: NaN");
    }

    static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        return image;
    }

    /** The stored grey value (not {@code getRGB}, which would convert the linear grey). */
    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }
}
