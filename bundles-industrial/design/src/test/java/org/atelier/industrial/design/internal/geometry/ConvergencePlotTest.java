package org.atelier.industrial.design.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class ConvergencePlotTest {

    @Test
    void drawsBothCurvesHeadless() throws IOException {
        assertThat(GraphicsEnvironment.isHeadless()).as("run as on a server without a display").isTrue();
        int n = 120;
        double[] compliance = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            compliance[i] = 200 + 600 * Math.exp(-i / 12.0);
            volume[i] = 0.5 + 0.3 * Math.exp(-i / 20.0);
        }

        BufferedImage image = DensityPngTest.decode(ConvergencePlot.png(compliance, volume));

        assertThat(image.getWidth()).isEqualTo(ConvergencePlot.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ConvergencePlot.HEIGHT);
        assertThat(pixelsInThePlotArea(image, ConvergencePlot.COMPLIANCE)).isGreaterThan(300);
        assertThat(pixelsInThePlotArea(image, ConvergencePlot.VOLUME)).isGreaterThan(300);
        assertThat(pixelsInThePlotArea(image, Color.BLACK)).as("no stray black").isZero();
    }

    @Test
    void aSingleIterationAndAGapInTheHistoryAreDrawnToo() throws IOException {
        BufferedImage one = DensityPngTest.decode(ConvergencePlot.png(new double[] {42}, new double[] {0.4}));
        assertThat(pixelsInThePlotArea(one, ConvergencePlot.COMPLIANCE)).isPositive();

        double[] compliance = {300, 250, Double.NaN, 180, 170, 165};
        double[] volume = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        BufferedImage gap = DensityPngTest.decode(ConvergencePlot.png(compliance, volume));
        assertThat(pixelsInThePlotArea(gap, ConvergencePlot.COMPLIANCE)).isPositive();
        assertThat(pixelsInThePlotArea(gap, ConvergencePlot.VOLUME)).isPositive();
    }

    @Test
    void refusesWhatCannotBePlotted() {
        assertThatThrownBy(() -> ConvergencePlot.png(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no iterations to plot");
        assertThatThrownBy(() -> ConvergencePlot.png(new double[3], new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 iterations");
        assertThatThrownBy(() -> ConvergencePlot.png(new double[] {Double.NaN}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("compliance has no number");
    }

    @Test
    void ticksAreRoundNumbersAroundTheData() {
        ConvergencePlot.Axis axis = ConvergencePlot.Axis.of(187.3, 812.9, 6, false);

        assertThat(axis.step).isEqualTo(200);
        assertThat(axis.min).isEqualTo(0);
        assertThat(axis.max).isEqualTo(1000);
        assertThat(axis.label(400)).isEqualTo("400");
        assertThat(ConvergencePlot.Axis.of(0, 0.52, 6, false).label(0.1)).isEqualTo("0.1");
        assertThat(ConvergencePlot.Axis.of(1, 7, 10, true).step).isEqualTo(1);
    }

    private static int pixelsInThePlotArea(BufferedImage image, Color color) {
        int count = 0;
        for (int y = ConvergencePlot.TOP + 2; y < ConvergencePlot.HEIGHT - ConvergencePlot.BOTTOM - 1; y++) {
            for (int x = ConvergencePlot.LEFT + 2; x < ConvergencePlot.WIDTH - ConvergencePlot.RIGHT - 1; x++) {
                if ((image.getRGB(x, y) & 0xffffff) == (color.getRGB() & 0xffffff)) {
                    count++;
                }
            }
        }
        return count;
    }
}
