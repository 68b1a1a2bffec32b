package org.atelier.runtime.internal.labels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.atelier.api.labels.AigcLabel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** SVG: the implicit label in a {@code <metadata>} element, the explicit one as visible text in a corner. */
final class SvgLabeler implements Labeler {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final String NS = "urn:atelier:aigc";

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("image/svg+xml");
    }

    @Override
    public boolean sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8);
        return head.contains("<svg");
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        Document doc = parse(content);
        Element svg = doc.getDocumentElement();
        Element metadata = doc.createElementNS(SVG, "metadata");
        Element aigc = doc.createElementNS(NS, "aigc:AIGC");
        aigc.setTextContent(LabelJson.write(label));
        metadata.appendChild(aigc);
        svg.insertBefore(metadata, svg.getFirstChild());
        if (explicit) {
            double[] box = viewBox(svg);
            double size = Math.max(8, Math.min(box[2], box[3]) * 0.04);
            Element text = doc.createElementNS(SVG, "text");
            text.setAttribute("x", fmt(box[0] + size * 0.5));
            text.setAttribute("y", fmt(box[1] + box[3] - size * 0.5));
            text.setAttribute("font-size", fmt(size));
            text.setAttribute("font-family", "sans-serif");
            text.setAttribute("fill", "#000");
            text.setAttribute("fill-opacity", "0.6");
            text.setTextContent("AI生成 · AI-generated");
            svg.appendChild(text);
        }
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write the SVG: " + e.getMessage());
        }
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        NodeList nodes = parse(content).getElementsByTagNameNS(NS, "AIGC");
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(LabelJson.read(nodes.item(0).getTextContent()));
    }

    private static double[] viewBox(Element svg) {
        String vb = svg.getAttribute("viewBox");
        if (!vb.isBlank()) {
            String[] p = vb.trim().split("[\\s,]+");
            if (p.length == 4) {
                try {
                    return new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                        Double.parseDouble(p[3])};
                } catch (NumberFormatException e) {
                    // fall through to width and height
                }
            }
        }
        return new double[] {0, 0, number(svg.getAttribute("width"), 300), number(svg.getAttribute("height"), 150)};
    }

    private static double number(String s, double fallback) {
        try {
            return Double.parseDouble(s.replaceAll("[a-z%]+$", ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.2f", d);
    }

    private static Document parse(byte[] content) throws IOException {
        return SafeXml.parse(content, "SVG");
    }
}
