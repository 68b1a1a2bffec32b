package org.atelier.runtime.internal.labels;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Small, valid files of every format the platform labels, made from nothing: for the label tests here and for the
 * integration tests, which store each one through a real job and read its label back.
 */
public final class Samples {

    private Samples() {
    }

    /** One file of each labelled format: media type to file name and bytes. */
    public static Map<String, Map.Entry<String, byte[]>> all() throws Exception {
        Map<String, Map.Entry<String, byte[]>> out = new LinkedHashMap<>();
        out.put("text/plain", Map.entry("note.txt", "A generated note.\n".getBytes(UTF_8)));
        out.put("text/markdown", Map.entry("note.md", "# Title\n\nA generated note.\n".getBytes(UTF_8)));
        out.put("application/json", Map.entry("result.json", "{\"score\":0.5}".getBytes(UTF_8)));
        out.put("image/svg+xml", Map.entry("design.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 120 40\"><rect width=\"10\" height=\"10\"/></svg>").getBytes(UTF_8)));
        out.put("image/png", Map.entry("preview.png", png(white(64, 48))));
        out.put("image/jpeg", Map.entry("photo.jpg", jpeg(white(64, 48))));
        out.put("audio/wav", Map.entry("speech.wav", wav(16_000, 8_000)));
        out.put("audio/midi", Map.entry("melody.mid", midi()));
        out.put("application/pdf", Map.entry("report.pdf", pdf(0)));
        out.put("video/mp4", Map.entry("clip.mp4", mp4("first|second".getBytes(UTF_8), false)));
        out.put("model/stl", Map.entry("part.stl", binaryStl("part", 2)));
        return out;
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    /** A standard MIDI file: one track, tempo and four quarter notes. */
    public static byte[] midi() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x07, (byte) 0xA1, 0x20}, 3), 0));
        for (int i = 0; i < 4; i++) {
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60 + 2 * i, 90), i * 480L));
            t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60 + 2 * i, 0), i * 480L + 400));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(seq, 0, out);
        return out.toByteArray();
    }

    public static BufferedImage white(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "jpeg", out)) {
            throw new IOException("no JPEG writer");
        }
        return out.toByteArray();
    }

    /** A PDF with a line of text on each page, the pages rotated as given. */
    public static byte[] pdf(int... rotations) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            for (int i = 0; i < rotations.length; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setRotation(rotations[i]);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Page " + (i + 1) + " of a report");
                    cs.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    public static byte[] box(String type, byte[]... payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : payload) {
            body.writeBytes(p);
        }
        return ByteBuffer.allocate(8 + body.size()).putInt(8 + body.size()).put(type.getBytes(ISO_8859_1))
                .put(body.toByteArray()).array();
    }

    public static byte[] fullBox(String type, int flags, byte[] payload) {
        return box(type, ByteBuffer.allocate(4).putInt(flags).array(), payload);
    }

    public static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * A small valid MP4: ftyp, then moov with one timed-metadata track whose two samples ({@code samples} split at
     * {@code |}) are in the mdat after it, as a fast-start file has them; mdat's size 0 ("to the end") if asked.
     */
    public static byte[] mp4(byte[] samples, boolean mdatToTheEnd) {
        String[] parts = new String(samples, UTF_8).split("\\|", 2);
        byte[] s1 = parts[0].getBytes(UTF_8);
        byte[] s2 = parts.length > 1 ? ("|" + parts[1]).getBytes(UTF_8) : new byte[0];
        byte[] ftyp = box("ftyp", "isom".getBytes(ISO_8859_1), ints(0x200), "isomiso2mp41".getBytes(ISO_8859_1));
        int[] matrix = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
        byte[] mvhd = fullBox("mvhd", 0, concat(ints(0, 0, 1000, 1000, 0x10000), new byte[] {1, 0}, new byte[10],
                ints(matrix), new byte[24], ints(2)));
        byte[] tkhd = fullBox("tkhd", 3, concat(ints(0, 0, 1, 0, 1000), new byte[8], new byte[8], ints(matrix),
                ints(0, 0)));
        byte[] mdhd = fullBox("mdhd", 0, concat(ints(0, 0, 1000, 1000), new byte[] {0x55, (byte) 0xc4, 0, 0}));
        byte[] hdlr = fullBox("hdlr", 0, concat(ints(0), "meta".getBytes(ISO_8859_1), new byte[12],
                "atelier\0".getBytes(ISO_8859_1)));
        byte[] dinf = box("dinf", fullBox("dref", 0, concat(ints(1), fullBox("url ", 1, new byte[0]))));
        byte[] stts = fullBox("stts", 0, ints(1, 2, 500));
        byte[] stsc = fullBox("stsc", 0, ints(1, 1, 1, 1));
        byte[] stsz = fullBox("stsz", 0, ints(0, 2, s1.length, s2.length));
        byte[] moov = null;
        int mdatStart = 0;
        for (int pass = 0; pass < 2; pass++) {
            byte[] stco = fullBox("stco", 0, ints(2, mdatStart + 8, mdatStart + 8 + s1.length));
            byte[] stbl = box("stbl", fullBox("stsd", 0, ints(0)), stts, stsc, stsz, stco);
            byte[] minf = box("minf", fullBox("nmhd", 0, new byte[0]), dinf, stbl);
            moov = box("moov", mvhd, box("trak", tkhd, box("mdia", mdhd, hdlr, minf)));
            mdatStart = ftyp.length + moov.length;
        }
        byte[] mdat = box("mdat", s1, s2);
        if (mdatToTheEnd) {
            ByteBuffer.wrap(mdat).putInt(0, 0);
        }
        return concat(ftyp, moov, mdat);
    }

    /** A binary STL with this header and some triangles. */
    public static byte[] binaryStl(String header, int triangles) {
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * triangles).order(ByteOrder.LITTLE_ENDIAN);
        b.put(java.util.Arrays.copyOf(header.getBytes(ISO_8859_1), 80)).putInt(triangles);
        for (int t = 0; t < triangles; t++) {
            b.putFloat(0).putFloat(0).putFloat(1);
            for (int v = 0; v < 3; v++) {
                b.putFloat(t + v).putFloat(v == 1 ? 1 : 0).putFloat(v == 2 ? 1 : 0);
            }
            b.putShort((short) 0);
        }
        return b.array();
    }

    /** A mono 16-bit PCM WAV of a 440 Hz tone. */
    public static byte[] wav(int rate, int frames) {
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(UTF_8)).putInt(36 + frames * 2).put("WAVE".getBytes(UTF_8));
        b.put("fmt ".getBytes(UTF_8)).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate)
                .putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(UTF_8)).putInt(frames * 2);
        for (int i = 0; i < frames; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }
}
