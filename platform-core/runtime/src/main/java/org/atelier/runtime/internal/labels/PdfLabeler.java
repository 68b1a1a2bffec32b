package org.atelier.runtime.internal.labels;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.atelier.api.labels.AigcLabel;

/**
 * PDF, through Apache PDFBox: the implicit label as XMP ({@code TC260:AIGC}) in the document catalog's metadata
 * stream, merged into the XMP the document had, and as the entry {@code AIGC} (the label's JSON) of the document
 * information dictionary. The explicit label is a line {@value #EXPLICIT} in the lower-left corner of every page, as
 * the page is shown (its crop box and rotation).
 *
 * <p>The mark is in Latin letters: it is drawn with the standard 14 font Helvetica, which every reader has and which
 * need not be embedded, and whose encoding (WinAnsi) has no Chinese characters; "AI生成" would need a CJK font
 * embedded in the bundle (several MB). The document is written again in full, so a digital signature it carried
 * would no longer verify; encrypted documents are refused.
 */
final class PdfLabeler implements Labeler {

    static final String EXPLICIT = "AI generated";
    static final String INFO_KEY = "AIGC";

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("application/pdf") || mediaType.startsWith("application/x-pdf");
    }

    @Override
    public boolean sniff(byte[] c) {
        // strict: "%PDF-" further in could be a text that mentions it
        return c.length > 5 && new String(c, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
    }

    /** Readers accept the header anywhere in the first 1024 bytes. */
    private static boolean hasHeader(byte[] c) {
        String head = new String(c, 0, Math.min(c.length, 1024), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        try (PDDocument doc = load(content)) {
            if (doc.isEncrypted()) {
                throw new IOException("an encrypted PDF cannot be labelled");
            }
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDMetadata old = catalog.getMetadata();
            String existing = null;
            if (old != null) {
                try (InputStream in = old.exportXMPMetadata()) {
                    existing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    existing = null;
                }
            }
            byte[] xmp = Xmp.merge(existing, label).getBytes(StandardCharsets.UTF_8);
            catalog.setMetadata(new PDMetadata(doc, new ByteArrayInputStream(xmp)));
            doc.getDocumentInformation().setCustomMetadataValue(INFO_KEY, LabelJson.write(label));
            if (explicit) {
                for (PDPage page : doc.getPages()) {
                    mark(doc, page);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 4096);
            doc.save(out);
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw new IOException("cannot label the PDF: " + e.getMessage());
        }
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        try (PDDocument doc = load(content)) {
            PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
            if (metadata != null) {
                String xmp;
                try (InputStream in = metadata.exportXMPMetadata()) {
                    xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                Optional<AigcLabel> label = Xmp.read(xmp);
                if (label.isPresent()) {
                    return label;
                }
            }
            String json = doc.getDocumentInformation().getCustomMetadataValue(INFO_KEY);
            return json == null ? Optional.empty() : Optional.of(LabelJson.read(json));
        } catch (RuntimeException e) {
            throw new IOException("cannot read the PDF: " + e.getMessage());
        }
    }

    private static PDDocument load(byte[] content) throws IOException {
        if (!hasHeader(content)) {
            throw new IOException("not a PDF: no %PDF- header");
        }
        try {
            return Loader.loadPDF(content);
        } catch (IOException e) {
            throw new IOException("not a readable PDF: " + e.getMessage());
        }
    }

    /** "AI generated" on a light band in the lower-left corner of the page as shown. */
    private static void mark(PDDocument doc, PDPage page) throws IOException {
        PDRectangle box = page.getCropBox();
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        boolean sideways = rotation == 90 || rotation == 270;
        float shownWidth = sideways ? box.getHeight() : box.getWidth();
        float shownHeight = sideways ? box.getWidth() : box.getHeight();
        float size = Math.max(6, Math.min(shownWidth, shownHeight) * 0.018f);
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        float textWidth = font.getStringWidth(EXPLICIT) / 1000 * size;
        float pad = size * 0.4f;
        float x0 = box.getLowerLeftX();
        float y0 = box.getLowerLeftY();
        // maps the shown page (origin lower left, x to the right) to user space
        Matrix shown = switch (rotation) {
            case 90 -> new Matrix(0, 1, -1, 0, x0 + box.getWidth(), y0);
            case 180 -> new Matrix(-1, 0, 0, -1, x0 + box.getWidth(), y0 + box.getHeight());
            case 270 -> new Matrix(0, -1, 1, 0, x0, y0 + box.getHeight());
            default -> new Matrix(1, 0, 0, 1, x0, y0);
        };
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.75f);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
            cs.transform(shown);
            cs.saveGraphicsState();
            cs.setGraphicsStateParameters(translucent);
            cs.setNonStrokingColor(1f, 1f, 1f);
            cs.addRect(0, 0, textWidth + 2 * pad, size + 2 * pad);
            cs.fill();
            cs.restoreGraphicsState();
            cs.setNonStrokingColor(0.15f, 0.15f, 0.15f);
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(pad, pad + size * 0.2f);
            cs.showText(EXPLICIT);
            cs.endText();
        }
    }
}
