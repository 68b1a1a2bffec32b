package org.atelier.industrial.design.internal.geometry;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG encoding in memory (no cache file, no change to ImageIO's global settings). */
final class Png {

    private Png() {
    }

    static byte[] encode(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this Java runtime has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the PNG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * @return the integer scale (pixels per element) that makes an image of {@code width} × {@code height} elements
     *         at least {@code minWidth} pixels wide, but no side longer than {@code maxSide} (1 at least)
     */
    static int scale(int width, int height, int minWidth, int maxSide) {
        int scale = Math.max(1, (minWidth + width - 1) / width);
        int bound = Math.max(1, maxSide / Math.max(width, height));
        return Math.min(scale, bound);
    }
}
