package org.atelier.runtime.internal.labels;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.atelier.api.labels.AigcLabel;
import org.w3c.dom.Node;

/**
 * PNG, through the JDK's Image I/O: the implicit label as an {@code iTXt} chunk {@code AIGC} and as XMP
 * ({@code TC260:AIGC}), the explicit one as a visible mark in the lower-left corner.
 */
final class PngLabeler implements Labeler {

    private static final String FORMAT = "javax_imageio_png_1.0";
    static final String XMP_KEY = "XML:com.adobe.xmp";

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("image/png");
    }

    @Override
    public boolean sniff(byte[] c) {
        return c.length > 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G';
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
        if (image == null) {
            throw new IOException("not a readable PNG");
        }
        if (explicit) {
            image = mark(image);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            IIOMetadataNode root = new IIOMetadataNode(FORMAT);
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry("AIGC", LabelJson.write(label)));
            itxt.appendChild(entry(XMP_KEY, Xmp.packet(label)));
            root.appendChild(itxt);
            metadata.mergeTree(FORMAT, root);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(new IIOImage(image, null, metadata));
            }
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                Node root = reader.getImageMetadata(0).getAsTree(FORMAT);
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if ("iTXt".equals(n.getNodeName())) {
                        for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                            IIOMetadataNode entry = (IIOMetadataNode) e;
                            if ("AIGC".equals(entry.getAttribute("keyword"))) {
                                return Optional.of(LabelJson.read(entry.getAttribute("text")));
                            }
                        }
                    }
                }
                return Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private static IIOMetadataNode entry(String keyword, String text) {
        IIOMetadataNode e = new IIOMetadataNode("iTXtEntry");
        e.setAttribute("keyword", keyword);
        e.setAttribute("compressionFlag", "FALSE");
        e.setAttribute("compressionMethod", "0");
        e.setAttribute("languageTag", "");
        e.setAttribute("translatedKeyword", "");
        e.setAttribute("text", text);
        return e;
    }

    /**
     * A dark band with "AI生成" in the lower-left corner, the words drawn from outlines ({@link AigcMark}): the same
     * on every machine, with or without fonts.
     */
    static BufferedImage mark(BufferedImage src) {
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(),
                src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
            int h = Math.max(10, Math.min(img.getWidth(), img.getHeight()) / 12);
            double em = h * 0.72;
            java.awt.geom.Rectangle2D words = AigcMark.bounds(em);
            double pad = h * 0.22;
            int w = (int) Math.min(img.getWidth(), Math.ceil(words.getWidth() + 2 * pad));
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
            g.setColor(Color.BLACK);
            g.fillRect(0, img.getHeight() - h, w, h);
            g.setComposite(AlphaComposite.SrcOver);
            g.setColor(Color.WHITE);
            // the words' box centred in the band
            double baseline = img.getHeight() - h + (h - words.getHeight()) / 2 - words.getY();
            AigcMark.draw(g, pad - words.getX(), baseline, em);
        } finally {
            g.dispose();
        }
        return img;
    }
}
