package org.atelier.industrial.design.internal.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ContourSvgTest {

    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void aDiscIsOneClosedLoopEnclosingTheAreaOfTheCircle() throws Exception {
        double r = 20;
        Document svg = parse(ContourSvg.svg(Fields.disc(60, 50, 30, 25, r), 60, 50));

        Element root = svg.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getAttribute("version")).isEqualTo("1.1");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 60 50");
        Element path = path(svg);
        assertThat(path.getAttribute("fill-rule")).isEqualTo("evenodd");
        List<double[]> loops = loops(path.getAttribute("d"));
        assertThat(loops).hasSize(1);
        assertThat(Math.abs(area(loops.get(0)))).isCloseTo(Math.PI * r * r, within(0.01 * Math.PI * r * r));
        // and round: every point about r from the centre (30, 25)
        double[] loop = loops.get(0);
        for (int j = 0; j < loop.length; j += 2) {
            assertThat(Math.hypot(loop[j] - 30, loop[j + 1] - 25)).isCloseTo(r, within(0.5));
        }
    }

    @Test
    void aRingIsTwoLoopsWhoseEvenOddAreaIsTheAnnulus() throws Exception {
        List<double[]> loops = loops(path(parse(ContourSvg.svg(Fields.ring(64, 64, 32, 32, 12, 26), 64, 64)))
                .getAttribute("d"));

        assertThat(loops).hasSize(2);
        loops.sort(Comparator.comparingDouble(l -> -Math.abs(area(l))));
        double outer = Math.abs(area(loops.get(0)));
        double inner = Math.abs(area(loops.get(1)));
        assertThat(outer).isCloseTo(Math.PI * 26 * 26, within(0.01 * Math.PI * 26 * 26));
        assertThat(inner).isCloseTo(Math.PI * 12 * 12, within(0.02 * Math.PI * 12 * 12));
        assertThat(Math.signum(area(loops.get(0)))).as("a hole runs the other way").isEqualTo(-Math.signum(area(
                loops.get(1))));
    }

    @Test
    void aDesignThatFillsTheDomainIsClosedAlongTheDomainBoundary() throws Exception {
        double[] x = Fields.of(30, 12, (elx, ely) -> 1);

        List<double[]> loops = loops(path(parse(ContourSvg.svg(x, 30, 12))).getAttribute("d"));

        assertThat(loops).hasSize(1);
        // straight runs merged; marching squares cuts each corner by half an element along both sides
        assertThat(loops.get(0)).containsExactly(0, 11.5, 0.5, 12, 29.5, 12, 30, 11.5, 30, 0.5, 29.5, 0, 0.5, 0, 0,
                0.5);
        assertThat(Math.abs(area(loops.get(0)))).isCloseTo(30 * 12 - 4 * 0.125, within(1e-9));
    }

    @Test
    void aHoleTouchingNothingAndSolidTouchingTheBoundaryKeepTheirPlaceYDown() throws Exception {
        // solid left half, ely = 0 at the top: a notch (void) in the top rows of the solid half
        double[] x = Fields.of(20, 10, (elx, ely) -> elx < 10 && !(ely < 3 && elx >= 4 && elx < 7) ? 1 : 0);

        List<double[]> loops = loops(path(parse(ContourSvg.svg(x, 20, 10))).getAttribute("d"));

        assertThat(loops).hasSize(1);
        double[] loop = loops.get(0);
        double maxX = 0;
        double deepestNotch = 0;
        for (int j = 0; j < loop.length; j += 2) {
            maxX = Math.max(maxX, loop[j]);
            if (loop[j] > 4.5 && loop[j] < 6.5 && loop[j + 1] < 5) {
                deepestNotch = Math.max(deepestNotch, loop[j + 1]);
            }
        }
        assertThat(maxX).isCloseTo(10, within(0.5));
        assertThat(deepestNotch).as("the notch is cut from the top (small y)").isBetween(2.0, 3.5);
        assertThat(Math.abs(area(loop))).isCloseTo(100 - 9, within(4.0));
    }

    @Test
    void aBigGreyTopologyIsFastAndEveryLoopCloses() throws Exception {
        double[] x = Fields.truss(1200, 400);

        long start = System.nanoTime();
        String svg = ContourSvg.svg(x, 1200, 400);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(millis).as("milliseconds for 1200 × 400").isLessThan(3000);
        List<double[]> loops = loops(path(parse(svg)).getAttribute("d"));
        assertThat(loops).hasSizeGreaterThan(5);
    }

    @Test
    void saddlesInNoiseStillGiveClosedLoops() {
        MarchingSquares ms = new MarchingSquares(IsoGrid.of(Fields.noise(50 * 40, 7), 50, 40, false));

        assertThat(ms.loops()).isNotEmpty().allSatisfy(loop -> assertThat(loop.length).isGreaterThanOrEqualTo(6));
    }

    @Test
    void anEmptyDesignIsRefused() {
        assertThatThrownBy(() -> ContourSvg.svg(new double[12], 4, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the design is empty");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element path(Document svg) {
        NodeList paths = svg.getElementsByTagNameNS(SVG, "path");
        assertThat(paths.getLength()).isEqualTo(1);
        return (Element) paths.item(0);
    }

    /** The sub-paths of {@code M x,y L x,y … Z} path data, as x, y pairs. */
    private static List<double[]> loops(String d) {
        List<double[]> loops = new ArrayList<>();
        List<Double> current = new ArrayList<>();
        for (String token : d.trim().split("\\s+")) {
            if (token.equals("Z")) {
                assertThat(current).isNotEmpty();
                loops.add(current.stream().mapToDouble(Double::doubleValue).toArray());
                current = new ArrayList<>();
                continue;
            }
            assertThat(token.charAt(0)).isIn('M', 'L');
            assertThat(token.charAt(0) == 'M').as("M starts a sub-path").isEqualTo(current.isEmpty());
            String[] xy = token.substring(1).split(",");
            current.add(Double.parseDouble(xy[0]));
            current.add(Double.parseDouble(xy[1]));
        }
        assertThat(current).as("every sub-path is closed").isEmpty();
        return loops;
    }

    /** Shoelace formula. */
    static double area(double[] loop) {
        double twice = 0;
        int n = loop.length / 2;
        for (int j = 0; j < n; j++) {
            int k = (j + 1) % n;
            twice += loop[2 * j] * loop[2 * k + 1] - loop[2 * k] * loop[2 * j + 1];
        }
        return twice / 2;
    }
}
