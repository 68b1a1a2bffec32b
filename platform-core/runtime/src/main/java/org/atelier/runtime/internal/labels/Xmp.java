package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.atelier.api.labels.AigcLabel;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The label as XMP, shared by every format that carries XMP (PNG, JPEG, PDF): a {@code TC260:AIGC} structure with
 * one {@code TC260:} property per field, as the standard's image example has it.
 */
final class Xmp {

    static final String TC260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String X = "adobe:ns:meta/";

    private static final String BEGIN = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>";
    private static final String END = "<?xpacket end=\"w\"?>";

    private Xmp() {
    }

    /** @return an XMP packet that holds the label and nothing else */
    static String packet(AigcLabel label) {
        return BEGIN + "<x:xmpmeta xmlns:x=\"" + X + "\"><rdf:RDF xmlns:rdf=\"" + RDF + "\">" + description(label)
                + "</rdf:RDF></x:xmpmeta>" + END;
    }

    /**
     * @param existing the file's XMP packet, or {@code null}
     * @return the existing packet with its AIGC label, if any, replaced by this one and every other property kept;
     *         a packet with the label alone when there was none or it was not well-formed XMP
     */
    static String merge(String existing, AigcLabel label) {
        if (existing == null || existing.isBlank()) {
            return packet(label);
        }
        try {
            Document doc = parse(existing);
            NodeList rdfs = doc.getElementsByTagNameNS(RDF, "RDF");
            if (rdfs.getLength() == 0) {
                return packet(label);
            }
            Element rdf = (Element) rdfs.item(0);
            for (Element old : aigcElements(doc)) {
                Element description = (Element) old.getParentNode();
                description.removeChild(old);
                if (childElements(description).isEmpty() && !hasProperties(description)) {
                    description.getParentNode().removeChild(description);
                }
            }
            for (Element description : elements(doc.getElementsByTagNameNS(RDF, "Description"))) {
                description.removeAttributeNS(TC260, "AIGC");
            }
            Node fresh = doc.importNode(parse(packet(label)).getElementsByTagNameNS(RDF, "Description").item(0), true);
            rdf.appendChild(fresh);
            Element root = doc.getDocumentElement();
            return BEGIN + serialize(root) + END;
        } catch (IOException e) {
            return packet(label);
        }
    }

    /**
     * Reads {@code TC260:AIGC} as a structure of fields, as JSON text, or as an attribute holding JSON.
     *
     * @return the label the packet carries, if any
     * @throws IOException when the packet is not well-formed or the label in it is not a label
     */
    static Optional<AigcLabel> read(String xmp) throws IOException {
        if (xmp == null || xmp.isBlank()) {
            return Optional.empty();
        }
        Document doc = parse(xmp);
        for (Element aigc : aigcElements(doc)) {
            List<Element> fields = childElements(aigc);
            if (fields.isEmpty()) {
                return Optional.of(LabelJson.read(aigc.getTextContent().trim()));
            }
            Map<String, String> m = new LinkedHashMap<>();
            for (Element f : fields) {
                m.put(f.getLocalName(), f.getTextContent());
            }
            if (!m.containsKey("Label")) {
                throw new IOException("TC260:AIGC has no Label");
            }
            return Optional.of(AigcLabel.of(m));
        }
        for (Element description : elements(doc.getElementsByTagNameNS(RDF, "Description"))) {
            if (description.hasAttributeNS(TC260, "AIGC")) {
                return Optional.of(LabelJson.read(description.getAttributeNS(TC260, "AIGC")));
            }
        }
        return Optional.empty();
    }

    private static String description(AigcLabel label) {
        StringBuilder fields = new StringBuilder();
        label.fields().forEach((k, v) -> fields.append("<TC260:").append(k).append('>').append(escape(v))
                .append("</TC260:").append(k).append('>'));
        return "<rdf:Description rdf:about=\"\" xmlns:TC260=\"" + TC260 + "\">"
                + "<TC260:AIGC rdf:parseType=\"Resource\">" + fields + "</TC260:AIGC></rdf:Description>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static List<Element> aigcElements(Document doc) {
        return elements(doc.getElementsByTagNameNS(TC260, "AIGC"));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<Element> childElements(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether a description has properties written as attributes (beyond rdf:about and namespace declarations). */
    private static boolean hasProperties(Element description) {
        for (int i = 0; i < description.getAttributes().getLength(); i++) {
            Node a = description.getAttributes().item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                    && !(RDF.equals(a.getNamespaceURI()) && "about".equals(a.getLocalName()))) {
                return true;
            }
        }
        return false;
    }

    private static Document parse(String xml) throws IOException {
        return SafeXml.parse(xml.getBytes(StandardCharsets.UTF_8), "XMP");
    }

    private static String serialize(Element root) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(root), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IOException("cannot write XMP: " + e.getMessage());
        }
    }
}
