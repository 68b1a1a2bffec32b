package org.atelier.runtime.internal.labels;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.JpegImagingParameters;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.atelier.api.labels.AigcLabel;

/**
 * JPEG: the implicit label as XMP ({@code TC260:AIGC}) in an APP1 segment, written and read through Apache Commons
 * Imaging, which rewrites the segments without touching the compressed image; other XMP properties the file had are
 * kept. The explicit label is the PNG's corner mark: the image is decoded and re-encoded through the JDK's Image I/O
 * (quality {@value #QUALITY}), which drops the file's other metadata (Exif, ICC profile), as the PNG path does.
 */
final class JpegLabeler implements Labeler {

    static final float QUALITY = 0.92f;

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("image/jpeg") || mediaType.startsWith("image/jpg")
                || mediaType.startsWith("image/pjpeg");
    }

    @Override
    public boolean sniff(byte[] c) {
        return c.length > 3 && (c[0] & 0xff) == 0xff && (c[1] & 0xff) == 0xd8 && (c[2] & 0xff) == 0xff;
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        if (!sniff(content)) {
            throw new IOException("not a JPEG: it does not start with an SOI marker");
        }
        JpegImageParser parser = new JpegImageParser();
        String existing;
        try {
            // reads the frame header, so a file that only starts like a JPEG is refused here
            parser.getImageSize(ByteSource.array(content), new JpegImagingParameters());
            existing = parser.getXmpXml(ByteSource.array(content), new JpegImagingParameters());
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable JPEG: " + e.getMessage());
        }
        byte[] image = explicit ? marked(content) : content;
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.length + 2048);
        try {
            new JpegXmpRewriter().updateXmpXml(image, out, Xmp.merge(existing, label));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot write the JPEG's XMP: " + e.getMessage());
        }
        return out.toByteArray();
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        String xmp;
        try {
            xmp = new JpegImageParser().getXmpXml(ByteSource.array(content), new JpegImagingParameters());
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable JPEG: " + e.getMessage());
        }
        return Xmp.read(xmp);
    }

    private static byte[] marked(byte[] content) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException | RuntimeException e) {
            throw new IOException("a JPEG that Image I/O cannot decode (CMYK?): " + e.getMessage());
        }
        if (image == null) {
            throw new IOException("a JPEG that Image I/O cannot decode");
        }
        BufferedImage rgb = PngLabeler.mark(image);
        if (rgb.getColorModel().hasAlpha()) {
            BufferedImage opaque = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            try {
                g.drawImage(rgb, 0, 0, Color.WHITE, null);
            } finally {
                g.dispose();
            }
            rgb = opaque;
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(rgb, null, null), param);
            }
            return out.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
