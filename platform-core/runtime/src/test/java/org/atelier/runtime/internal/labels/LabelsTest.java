package org.atelier.runtime.internal.labels;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.atelier.runtime.internal.labels.Samples.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageParser;
import org.apache.commons.imaging.formats.jpeg.JpegImagingParameters;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atelier.api.labels.AigcLabel;
import org.junit.jupiter.api.Test;

class LabelsTest {

    static final AigcLabel LABEL = new AigcLabel(AigcLabel.GENERATED, "atelier-test-01", "a0123456789abcdef",
            "medical/voice", "propagator-x", "p-42", "reserved-2");

    final Labels labels = new Labels();

    @Test
    void markdownAndTextCarryFrontMatterAndAVisibleLine() throws Exception {
        for (String type : new String[] {"text/markdown", "text/plain; charset=utf-8"}) {
            byte[] out = labels.write(type, "# Title\nbody\n".getBytes(UTF_8), LABEL, true);
            assertThat(labels.read(out)).contains(LABEL);
            String text = new String(out, UTF_8);
            assertThat(text).startsWith("---\nAIGC: {\"Label\":\"1\",").contains(TextLabeler.EXPLICIT)
                    .endsWith("# Title\nbody\n");
            assertThat(new String(labels.write(type, "x".getBytes(UTF_8), LABEL, false), UTF_8))
                    .doesNotContain(TextLabeler.EXPLICIT);
        }
    }

    @Test
    void aTextThatMentionsOtherFormatsIsStillReadAsText() throws Exception {
        String text = "How to embed <svg> in a page, and why %PDF-1.7 opens a PDF.\nsolid\nendsolid\n";
        byte[] out = labels.write("text/markdown", text.getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(out)).contains(LABEL);
        byte[] json = labels.write("application/json", "{\"svg\":\"<svg/>\"}".getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(json)).contains(LABEL);
    }

    @Test
    void jsonCarriesATopLevelField() throws Exception {
        byte[] object = labels.write("application/json", "{\"compliance\":57.85}".getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(object)).contains(LABEL);
        assertThat(new String(object, UTF_8)).contains("\"compliance\" : 57.85");
        byte[] array = labels.write("application/json", "[1,2]".getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(array)).contains(LABEL);
        assertThat(new String(array, UTF_8)).contains("\"content\" : [ 1, 2 ]");
    }

    @Test
    void svgCarriesMetadataAndVisibleText() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 120 40\"><rect width=\"10\" height=\"10\"/></svg>";
        byte[] out = labels.write("image/svg+xml", svg.getBytes(UTF_8), LABEL, true);
        assertThat(labels.read(out)).contains(LABEL);
        assertThat(new String(out, UTF_8)).contains("<metadata>").contains(">AI生成 · AI-generated</text>");
        assertThatThrownBy(() -> labels.write("image/svg+xml",
                "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg>&x;</svg>".getBytes(UTF_8), LABEL, true))
                .isInstanceOf(IOException.class);
    }

    @Test
    void pngCarriesITxtAndXmpAndAVisibleMark() throws Exception {
        BufferedImage white = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = white.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 120, 60);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(white, "png", png);

        byte[] out = labels.write("image/png", png.toByteArray(), LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        assertThat(new String(out, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("XML:com.adobe.xmp")
                .contains("TC260:AIGC");
        BufferedImage marked = ImageIO.read(new ByteArrayInputStream(out));
        assertThat(new Color(marked.getRGB(1, 58)).getRed()).as("the corner is darkened").isLessThan(200);
        assertThat(new Color(marked.getRGB(110, 5)).getRed()).as("the rest is untouched").isEqualTo(255);
        BufferedImage plain = ImageIO.read(new ByteArrayInputStream(labels.write("image/png", png.toByteArray(), LABEL, false)));
        assertThat(new Color(plain.getRGB(1, 58)).getRed()).isEqualTo(255);
        assertThat(labels.read(png.toByteArray())).isEmpty();
    }

    @Test
    void wavCarriesAChunkAndAnAudibleCue() throws Exception {
        byte[] wav = wav(16_000, 8_000);

        byte[] out = labels.write("audio/wav", wav, LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        javax.sound.sampled.AudioInputStream audio = javax.sound.sampled.AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(out));
        // 120 + 60 + 120 + 120 ms of cue before the half second of sound, and Java still reads the file
        assertThat(audio.getFrameLength()).isEqualTo(8_000 + 16_000 * 420 / 1000);
        byte[] quiet = labels.write("audio/wav", wav, LABEL, false);
        assertThat(javax.sound.sampled.AudioSystem.getAudioInputStream(new ByteArrayInputStream(quiet))
                .getFrameLength()).isEqualTo(8_000);
        assertThat(labels.read(quiet)).contains(LABEL);
        assertThat(labels.read(wav)).isEmpty();
        byte[] cut = java.util.Arrays.copyOf(wav, 100);
        assertThatThrownBy(() -> labels.write("audio/wav", cut, LABEL, true)).isInstanceOf(IOException.class);
    }

    @Test
    void midiCarriesATextEventAndAMarker() throws Exception {
        javax.sound.midi.Sequence seq = new javax.sound.midi.Sequence(javax.sound.midi.Sequence.PPQ, 480);
        javax.sound.midi.Track track = seq.createTrack();
        for (int i = 0; i < 4; i++) {
            track.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.ShortMessage(
                    javax.sound.midi.ShortMessage.NOTE_ON, 0, 60 + i, 90), i * 480L));
            track.add(new javax.sound.midi.MidiEvent(new javax.sound.midi.ShortMessage(
                    javax.sound.midi.ShortMessage.NOTE_OFF, 0, 60 + i, 0), i * 480L + 400));
        }
        ByteArrayOutputStream midi = new ByteArrayOutputStream();
        javax.sound.midi.MidiSystem.write(seq, 1, midi);

        byte[] out = labels.write("audio/midi", midi.toByteArray(), LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        javax.sound.midi.Sequence back = javax.sound.midi.MidiSystem.getSequence(new ByteArrayInputStream(out));
        assertThat(back.getTickLength()).as("the music is unchanged").isEqualTo(seq.getTickLength());
        assertThat(new String(out, UTF_8)).contains("AI生成 · AI-generated");
        assertThat(labels.read(midi.toByteArray())).isEmpty();
        assertThatThrownBy(() -> labels.write("audio/midi", "MThd-broken".getBytes(UTF_8), LABEL, true))
                .isInstanceOf(IOException.class);
    }

    @Test
    void formatsItCannotLabelAreSaidSo() {
        assertThat(labels.supports("video/webm")).isFalse();
        assertThat(labels.supports("image/png")).isTrue();
        assertThatThrownBy(() -> labels.write("video/webm", new byte[4], LABEL, true)).isInstanceOf(IOException.class);
    }

    @Test
    void jpegCarriesXmpInApp1AndAVisibleMark() throws Exception {
        byte[] jpeg = jpeg(white(120, 60));

        byte[] out = labels.write("image/jpeg", jpeg, LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        String raw = new String(out, ISO_8859_1);
        assertThat(raw).contains("http://ns.adobe.com/xap/1.0/\0").contains("TC260:AIGC");
        assertThat(raw.indexOf("http://ns.adobe.com/xap/1.0/")).as("in an APP1 segment").isGreaterThan(4);
        BufferedImage marked = ImageIO.read(new ByteArrayInputStream(out));
        assertThat(marked.getWidth()).isEqualTo(120);
        assertThat(new Color(marked.getRGB(1, 58)).getRed()).as("the corner is darkened").isLessThan(200);
        assertThat(new Color(marked.getRGB(110, 5)).getRed()).as("the rest is as it was").isGreaterThan(245);

        byte[] plain = labels.write("image/jpeg", jpeg, LABEL, false);
        assertThat(labels.read(plain)).contains(LABEL);
        assertThat(pixels(ImageIO.read(new ByteArrayInputStream(plain))))
                .as("without the mark the compressed image is not touched")
                .isEqualTo(pixels(ImageIO.read(new ByteArrayInputStream(jpeg))));
        assertThat(labels.read(jpeg)).isEmpty();
    }

    @Test
    void jpegKeepsTheXmpItHadAndHoldsOneLabel() throws Exception {
        String dc = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + Xmp.RDF + "\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:format>image/jpeg</dc:format></rdf:Description></rdf:RDF></x:xmpmeta>";
        ByteArrayOutputStream withXmp = new ByteArrayOutputStream();
        new JpegXmpRewriter().updateXmpXml(jpeg(white(40, 40)), withXmp, dc);
        AigcLabel other = new AigcLabel("1", "someone-else", "b42", "", "", "", "");

        byte[] once = labels.write("image/jpeg", withXmp.toByteArray(), other, false);
        byte[] twice = labels.write("image/jpeg", once, LABEL, false);

        assertThat(labels.read(twice)).contains(LABEL);
        String xmp = new JpegImageParser().getXmpXml(ByteSource.array(twice), new JpegImagingParameters());
        assertThat(xmp).contains("<dc:format>image/jpeg</dc:format>").doesNotContain("someone-else");
        assertThat(xmp.split("TC260:AIGC", -1)).as("one TC260:AIGC element").hasSize(3);
        assertThat(ImageIO.read(new ByteArrayInputStream(twice)).getWidth()).isEqualTo(40);
    }

    @Test
    void jpegThatIsNotOneIsRefused() throws Exception {
        byte[] jpeg = jpeg(white(40, 40));
        assertThatThrownBy(() -> labels.write("image/jpeg", "not a jpeg at all".getBytes(UTF_8), LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("not a JPEG");
        byte[] onlyTheStart = java.util.Arrays.copyOf(jpeg, 20);
        assertThatThrownBy(() -> labels.write("image/jpeg", onlyTheStart, LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("JPEG");
        assertThatThrownBy(() -> labels.write("image/jpeg", onlyTheStart, LABEL, true))
                .isInstanceOf(IOException.class).hasMessageContaining("JPEG");
    }

    @Test
    void pdfCarriesXmpAnInfoEntryAndAVisibleLineOnEveryPage() throws Exception {
        byte[] pdf = pdf(0, 90);

        byte[] out = labels.write("application/pdf", pdf, LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        try (PDDocument doc = Loader.loadPDF(out)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), UTF_8);
            assertThat(Xmp.read(xmp)).contains(LABEL);
            assertThat(LabelJson.read(doc.getDocumentInformation().getCustomMetadataValue("AIGC"))).isEqualTo(LABEL);
            for (int page = 1; page <= 2; page++) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(page);
                text.setEndPage(page);
                assertThat(text.getText(doc)).contains("Page " + page + " of a report").contains(PdfLabeler.EXPLICIT);
            }
        }
        byte[] plain = labels.write("application/pdf", pdf, LABEL, false);
        assertThat(labels.read(plain)).contains(LABEL);
        try (PDDocument doc = Loader.loadPDF(plain)) {
            assertThat(new PDFTextStripper().getText(doc)).doesNotContain(PdfLabeler.EXPLICIT);
        }
        assertThat(labels.read(pdf)).isEmpty();
    }

    @Test
    void pdfKeepsTheXmpItHadAndARelabelReplacesTheLabel() throws Exception {
        byte[] pdf;
        try (PDDocument doc = Loader.loadPDF(pdf(0))) {
            String dc = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                    + "<rdf:RDF xmlns:rdf=\"" + Xmp.RDF + "\"><rdf:Description rdf:about=\"\" "
                    + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
                    + "pdf:Producer=\"a test\"><dc:format>application/pdf</dc:format></rdf:Description></rdf:RDF>"
                    + "</x:xmpmeta><?xpacket end=\"w\"?>";
            doc.getDocumentCatalog().setMetadata(new PDMetadata(doc, new ByteArrayInputStream(dc.getBytes(UTF_8))));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            pdf = out.toByteArray();
        }
        AigcLabel other = new AigcLabel("1", "someone-else", "b42", "", "", "", "");

        byte[] twice = labels.write("application/pdf", labels.write("application/pdf", pdf, other, false), LABEL, false);

        assertThat(labels.read(twice)).contains(LABEL);
        try (PDDocument doc = Loader.loadPDF(twice)) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), UTF_8);
            assertThat(xmp).contains("<dc:format>application/pdf</dc:format>").contains("pdf:Producer=\"a test\"")
                    .doesNotContain("someone-else");
        }
    }

    @Test
    void pdfThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> labels.write("application/pdf", "hello".getBytes(UTF_8), LABEL, true))
                .isInstanceOf(IOException.class).hasMessageContaining("not a PDF");
        assertThatThrownBy(() -> labels.write("application/pdf", "%PDF-1.7\nthen nothing".getBytes(UTF_8), LABEL,
                true)).isInstanceOf(IOException.class).hasMessageContaining("PDF");
    }

    @Test
    void mp4CarriesATopLevelUuidBoxAtTheEndAndNoOffsetMoves() throws Exception {
        byte[] samples = "first sample|second sample".getBytes(UTF_8);
        byte[] mp4 = mp4(samples, false);
        assertThat(sampleBytes(mp4)).isEqualTo(samples);

        byte[] out = labels.write("video/mp4", mp4, LABEL, true);

        assertThat(labels.read(out)).contains(LABEL);
        assertThat(java.util.Arrays.copyOf(out, mp4.length)).as("everything before the label as it was").isEqualTo(mp4);
        assertThat(topLevel(out)).containsExactly("ftyp", "moov", "mdat", "uuid");
        assertThat(sampleBytes(out)).as("the chunk offsets still point at the samples").isEqualTo(samples);
        assertThat(labels.write("video/mp4", mp4, LABEL, false)).as("no video track: nothing to mark")
                .isEqualTo(out);
        assertThat(labels.read(mp4)).isEmpty();

        AigcLabel other = new AigcLabel("1", "someone-else", "b42", "", "", "", "");
        byte[] relabelled = labels.write("video/mp4", out, other, false);
        assertThat(labels.read(relabelled)).contains(other);
        assertThat(topLevel(relabelled)).containsExactly("ftyp", "moov", "mdat", "uuid");
    }

    @Test
    void aStreamedWavCarriesItsLabelBeforeTheAudioAndPlays() throws Exception {
        byte[] header = Labels.wavStreamHeader(16_000, LABEL);
        byte[] pcm = new byte[16_000 * 2];
        for (int i = 0; i < 16_000; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        byte[] file = concat(header, pcm);

        assertThat(labels.read(file)).hasValue(LABEL);
        try (javax.sound.sampled.AudioInputStream in = javax.sound.sampled.AudioSystem.getAudioInputStream(
                new ByteArrayInputStream(file))) {
            assertThat(in.getFormat().getSampleRate()).isEqualTo(16_000f);
            assertThat(in.readAllBytes()).isEqualTo(pcm);
        }
    }

    @Test
    void aStreamedWavSaysItsLengthIsUnknownAsSoxDoes() {
        byte[] header = Labels.wavStreamHeader(16_000, LABEL);
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int data = header.length - 8;
        assertThat(new String(header, data, 4, ISO_8859_1)).isEqualTo("data");
        // 0x7FFFF000 is what sox writes to a pipe and reads as "unknown"; 2147483361 was read as 18.6 hours
        assertThat(b.getInt(data + 4)).isEqualTo(0x7FFFF000);
        assertThat(Integer.toUnsignedLong(b.getInt(4))).isEqualTo(header.length - 8 + 0x7FFFF000L);
    }

    @Test
    void soxReadsAStreamedWavAsUnknownLengthAndAFinishedOneWithItsTrueLength(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(has("sox", "--version"), "sox is not installed");
        byte[] pcm = new byte[16_000 * 2];
        for (int i = 0; i < 16_000; i++) {
            short v = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        java.nio.file.Path streamed = dir.resolve("streamed.wav");
        java.nio.file.Files.write(streamed, concat(Labels.wavStreamHeader(16_000, LABEL), pcm));
        assertThat(run("soxi", "-D", streamed.toString()).strip()).isEqualTo("0.000000");
        String stat = run("sox", streamed.toString(), "-n", "stat");
        assertThat(stat).contains("Length (seconds):      1.000000").doesNotContain("WARN");

        ByteBuffer whole = ByteBuffer.allocate(44 + pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        whole.put("RIFF".getBytes(ISO_8859_1)).putInt(36 + pcm.length).put("WAVEfmt ".getBytes(ISO_8859_1))
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes(ISO_8859_1)).putInt(pcm.length)
                .put(pcm);
        java.nio.file.Path finished = dir.resolve("finished.wav");
        java.nio.file.Files.write(finished, labels.write("audio/wav", whole.array(), LABEL, false));
        assertThat(run("soxi", "-D", finished.toString()).strip()).isEqualTo("1.000000");
        assertThat(run("sox", finished.toString(), "-n", "stat")).doesNotContain("WARN");
    }

    static boolean has(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    /** Runs ffmpeg, which CI installs from Debian; the tests that need it are skipped where it is missing. */
    static void ffmpeg(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    static boolean hasFfmpeg() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aVideoGetsAVisibleMarkOnItsFramesDrawnByFfmpegAndTheImplicitLabel(@org.junit.jupiter.api.io.TempDir
                                                                          java.nio.file.Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasFfmpeg(), "ffmpeg is not installed");
        java.nio.file.Path video = dir.resolve("grey.mp4");
        ffmpeg("-f", "lavfi", "-i", "color=c=gray:size=320x240:rate=10:duration=1", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-shortest", video.toString());
        byte[] original = java.nio.file.Files.readAllBytes(video);
        assertThat(Mp4Labeler.hasVideo(original)).isTrue();
        assertThat(Mp4Labeler.hasVideo(mp4("a|b".getBytes(UTF_8), false))).as("a metadata track only").isFalse();

        byte[] out = labels.write("video/mp4", original, LABEL, true);

        assertThat(labels.read(out)).hasValue(LABEL);
        java.nio.file.Path labelled = java.nio.file.Files.write(dir.resolve("labelled.mp4"), out);
        ffmpeg("-i", video.toString(), "-frames:v", "1", dir.resolve("before.png").toString());
        ffmpeg("-i", labelled.toString(), "-frames:v", "1", dir.resolve("after.png").toString());
        BufferedImage before = ImageIO.read(dir.resolve("before.png").toFile());
        BufferedImage after = ImageIO.read(dir.resolve("after.png").toFile());
        assertThat(after.getWidth()).isEqualTo(320);
        assertThat(changed(before, after, 200, 200, 120, 40)).as("the lower right corner carries the mark")
                .isGreaterThan(200);
        assertThat(changed(before, after, 0, 0, 160, 120)).as("the rest of the frame is as it was").isZero();
        ffmpeg("-i", labelled.toString(), "-map", "0:a", "-f", "null", "-");
    }

    @Test
    void aVideoThatShouldBeMarkedIsRefusedWhenFfmpegIsMissing() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasFfmpeg(), "ffmpeg is not installed");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("mp4");
        java.nio.file.Path video = dir.resolve("v.mp4");
        ffmpeg("-f", "lavfi", "-i", "color=c=gray:size=64x48:rate=5:duration=1", "-c:v", "libx264",
                "-pix_fmt", "yuv420p", video.toString());
        byte[] original = java.nio.file.Files.readAllBytes(video);
        System.setProperty(Mp4Labeler.FFMPEG_PROPERTY, "/nonexistent/ffmpeg");
        try {
            assertThatThrownBy(() -> labels.write("video/mp4", original, LABEL, true))
                    .hasMessageContaining("needs ffmpeg");
            assertThat(labels.read(labels.write("video/mp4", original, LABEL, false))).as("no mark asked")
                    .hasValue(LABEL);
        } finally {
            System.clearProperty(Mp4Labeler.FFMPEG_PROPERTY);
        }
    }

    /** Pixels of a region whose colour differs by more than compression noise. */
    static int changed(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int d = Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
                        + Math.abs((p & 255) - (q & 255));
                if (d > 24) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void mp4WhoseLastBoxRunsToTheEndGetsItsSizeWrittenOut() throws Exception {
        byte[] samples = "abcdefgh|ijklmnop".getBytes(UTF_8);
        byte[] mp4 = mp4(samples, true);

        byte[] out = labels.write("video/mp4", mp4, LABEL, false);

        assertThat(topLevel(out)).containsExactly("ftyp", "moov", "mdat", "uuid");
        assertThat(sampleBytes(out)).isEqualTo(samples);
        assertThat(labels.read(out)).contains(LABEL);
        // a label in the middle (something was appended after it) becomes a free box of the same size
        byte[] appended = concat(out, box("free", new byte[8]));
        byte[] again = labels.write("video/mp4", appended, LABEL, false);
        assertThat(topLevel(again)).containsExactly("ftyp", "moov", "mdat", "free", "free", "uuid");
        assertThat(sampleBytes(again)).isEqualTo(samples);
        assertThat(labels.read(again)).contains(LABEL);
    }

    @Test
    void mp4ThatIsNotOneIsRefused() throws Exception {
        byte[] mp4 = mp4("x".getBytes(UTF_8), false);
        assertThatThrownBy(() -> labels.write("video/mp4", "not an mp4".getBytes(UTF_8), LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("ftyp");
        byte[] cut = java.util.Arrays.copyOf(mp4, mp4.length - 1);
        assertThatThrownBy(() -> labels.write("video/mp4", cut, LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("damaged MP4");
        byte[] noMoov = concat(box("ftyp", "isom\0\0\0\0isom".getBytes(UTF_8)), box("mdat", new byte[4]));
        assertThatThrownBy(() -> labels.write("video/mp4", noMoov, LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("moov");
    }

    @Test
    void binaryStlCarriesWhatFitsInItsHeaderAndTheTrianglesStay() throws Exception {
        String id = "a" + "0123456789abcdef".repeat(2);
        AigcLabel label = new AigcLabel("1", "atelier", id, "industrial/design", "", "", "");
        byte[] stl = binaryStl("solid exported by a CAD tool", 3);

        byte[] out = labels.write("model/stl", stl, label, true);

        assertThat(out).hasSameSizeAs(stl);
        assertThat(new String(out, 0, 80, ISO_8859_1)).startsWith("AIGC Label=1 ProduceID=" + id);
        assertThat(java.util.Arrays.copyOfRange(out, 80, out.length)).as("triangle count and triangles untouched")
                .isEqualTo(java.util.Arrays.copyOfRange(stl, 80, stl.length));
        AigcLabel read = labels.read(out).orElseThrow();
        assertThat(read.label()).isEqualTo("1");
        assertThat(read.produceId()).isEqualTo(id);
        assertThat(read.contentProducer()).as("fits exactly: 80 bytes").isEqualTo("atelier");
        assertThat(read.reservedCode1()).as("does not fit: in the sidecar").isEmpty();

        // values with spaces and the like survive, and every field that fits comes back as it was
        byte[] all = labels.write("model/x.stl-binary", stl, LABEL, false);
        AigcLabel back = labels.read(all).orElseThrow();
        LABEL.fields().forEach((k, v) -> {
            if (!back.fields().get(k).isEmpty()) {
                assertThat(back.fields().get(k)).as(k).isEqualTo(v);
            }
        });
        assertThat(back.label()).isEqualTo("1");
        assertThat(back.produceId()).isEqualTo(LABEL.produceId());
        AigcLabel spaced = new AigcLabel("1", "Atelier Lab=1% +", "a1", "", "", "", "");
        assertThat(labels.read(labels.write("model/stl", stl, spaced, false))).contains(spaced);
        assertThat(labels.read(stl)).isEmpty();
    }

    @Test
    void asciiStlCarriesTheWholeLabelOnItsSolidLine() throws Exception {
        AigcLabel chinese = new AigcLabel("1", "工作室", "a42", "industrial/design", "", "", "");
        String stl = "solid cube\n" + "  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n      vertex 1 0 0\n"
                + "      vertex 0 1 0\n    endloop\n  endfacet\n".repeat(1)
                + "  facet normal 0 0 -1\n    outer loop\n      vertex 0 0 0\n      vertex 0 1 0\n"
                + "      vertex 1 0 0\n    endloop\n  endfacet\n" + "endsolid cube\n";

        byte[] out = labels.write("model/stl", stl.getBytes(UTF_8), chinese, true);

        assertThat(labels.read(out)).contains(chinese);
        String text = new String(out, ISO_8859_1);
        assertThat(text).startsWith("solid cube AIGC {\"AIGC\":{\"Label\":\"1\"");
        assertThat(text.lines().filter(l -> l.trim().startsWith("facet normal")).count()).isEqualTo(2);
        assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).startsWith("endsolid cube AIGC {");
        assertThat(text.substring(text.indexOf('\n'), text.lastIndexOf("endsolid")))
                .isEqualTo(stl.substring(stl.indexOf('\n'), stl.lastIndexOf("endsolid")));
        assertThat(new String(out, ISO_8859_1).chars().allMatch(ch -> ch < 0x80)).as("still ASCII").isTrue();
        assertThat(labels.read(labels.write("model/stl", out, LABEL, false))).as("a relabel replaces").contains(LABEL);
        assertThat(new String(labels.write("model/stl", out, LABEL, false), ISO_8859_1).split("AIGC \\{", -1))
                .hasSize(3);
        String crlf = stl.replace("\n", "\r\n");
        String written = new String(labels.write("model/stl", crlf.getBytes(UTF_8), chinese, false), ISO_8859_1);
        assertThat(written.replace("\r\n", "")).doesNotContain("\n");
        assertThat(labels.read(written.getBytes(ISO_8859_1))).contains(chinese);
    }

    @Test
    void stlThatIsNotOneIsRefusedAndTheWholeLabelGoesBesideIt() throws Exception {
        assertThatThrownBy(() -> labels.write("model/stl", new byte[100], LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("not an STL");
        assertThatThrownBy(() -> labels.write("model/stl", "solid x\nno end".getBytes(UTF_8), LABEL, false))
                .isInstanceOf(IOException.class).hasMessageContaining("not an STL");

        byte[] sidecar = labels.sidecar("model/stl", LABEL).orElseThrow();
        assertThat(labels.read(sidecar)).as("the same AIGC JSON, all seven fields").contains(LABEL);
        assertThat(labels.sidecar("image/png", LABEL)).isEmpty();
        assertThat(labels.sidecar("video/webm", LABEL)).isEmpty();
    }

    @Test
    void xmpMergeKeepsOtherPropertiesAndReadsTheJsonForms() throws Exception {
        String packet = Xmp.packet(LABEL);
        assertThat(Xmp.read(packet)).contains(LABEL);
        assertThat(Xmp.read(Xmp.merge("not xml", LABEL))).contains(LABEL);
        String json = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"" + Xmp.RDF + "\">"
                + "<rdf:Description rdf:about=\"\" xmlns:TC260=\"" + Xmp.TC260 + "\"><TC260:AIGC>"
                + LabelJson.write(LABEL).replace("&", "&amp;").replace("<", "&lt;")
                + "</TC260:AIGC></rdf:Description></rdf:RDF></x:xmpmeta>";
        assertThat(Xmp.read(json)).as("JSON text in TC260:AIGC, as other producers write it").contains(LABEL);
        assertThat(Xmp.read("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>")).isEmpty();
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static final java.util.Set<String> CONTAINERS = java.util.Set.of("moov", "trak", "mdia", "minf", "dinf", "stbl",
            "edts", "udta");

    /** The top-level box types, after checking that every box, nested ones too, fits its parent exactly. */
    static List<String> topLevel(byte[] mp4) {
        List<String> types = new ArrayList<>();
        walk(mp4, 0, mp4.length, types, new ArrayList<>());
        return types;
    }

    /** The samples' bytes, read where the stco box says the chunks are (one sample per chunk). */
    static byte[] sampleBytes(byte[] mp4) {
        List<int[]> tables = new ArrayList<>();
        walk(mp4, 0, mp4.length, new ArrayList<>(), tables);
        int[] offsets = tables.get(0);
        int[] sizes = tables.get(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < offsets.length; i++) {
            out.write(mp4, offsets[i], sizes[i]);
        }
        return out.toByteArray();
    }

    private static void walk(byte[] c, int from, int to, List<String> types, List<int[]> tables) {
        ByteBuffer b = ByteBuffer.wrap(c);
        int pos = from;
        while (pos < to) {
            assertThat(to - pos).as("room for a box header at " + pos).isGreaterThanOrEqualTo(8);
            long size = b.getInt(pos) & 0xffffffffL;
            String type = new String(c, pos + 4, 4, ISO_8859_1);
            if (size == 0) {
                size = to - pos;
            }
            assertThat(pos + size).as(type + " at " + pos + " fits its parent").isLessThanOrEqualTo(to);
            types.add(type);
            if (CONTAINERS.contains(type)) {
                walk(c, pos + 8, (int) (pos + size), new ArrayList<>(), tables);
            } else if (type.equals("stco") || type.equals("stsz")) {
                int n = b.getInt(pos + (type.equals("stco") ? 12 : 16));
                int[] t = new int[n];
                for (int i = 0; i < n; i++) {
                    t[i] = b.getInt(pos + (type.equals("stco") ? 16 : 20) + 4 * i);
                }
                if (type.equals("stco")) {
                    tables.add(0, t);
                } else {
                    tables.add(t);
                }
            }
            pos += (int) size;
        }
        assertThat(pos).isEqualTo(to);
    }

}
