package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;
import org.atelier.api.labels.LiveLabels;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every format the platform labels, by media type when writing and by content when reading. */
public final class Labels {

    /**
     * In the order {@link #read} tries them: signatures at fixed offsets first, then labelled text and JSON (which
     * start in a way an SVG never does) before SVG (which is found by {@code <svg} anywhere near the start), and STL,
     * recognised by its size or its {@code solid} line, last.
     */
    private final List<Labeler> labelers = List.of(new PngLabeler(), new JpegLabeler(), new WavLabeler(),
            new MidiLabeler(), new PdfLabeler(), new Mp4Labeler(), new TextLabeler(), new JsonLabeler(),
            new SvgLabeler(), new StlLabeler());

    /** @return the header of a labelled mono 16-bit PCM WAV streamed as it is made (see {@link WavLabeler}) */
    public static byte[] wavStreamHeader(int sampleRate, AigcLabel label) {
        return WavLabeler.streamHeader(sampleRate, label);
    }

    /** @return the label's fields as one JSON object, {@code {"Label":"1","ContentProducer":…}} */
    public static String labelJson(AigcLabel label) {
        return LabelJson.node(label).toString();
    }

    /** @return the explicit label of text, the line stored text artifacts begin with */
    public static String explicitText() {
        return TextLabeler.EXPLICIT;
    }

    /** @return what a text stream sends first: the front matter of a stored text artifact, then the explicit line */
    public static String textStreamHeader(AigcLabel label, boolean explicit) {
        return TextLabeler.header(label, explicit);
    }

    /** @return the Server-Sent Event {@code aigc-label} whose data is {@code {"AIGC":{…},"notice":"…"}} */
    public static String sseLabelEvent(AigcLabel label, boolean explicit) {
        ObjectNode data = LabelJson.MAPPER.createObjectNode();
        data.set("AIGC", LabelJson.node(label));
        if (explicit) {
            data.put("notice", TextLabeler.EXPLICIT);
        }
        // one data line: the JSON has no raw line breaks (Jackson escapes them inside strings)
        return "event: " + LiveLabels.SSE_EVENT + "\ndata: " + data + "\n\n";
    }

    /** @return the explicit label of speech, an audible cue, as mono 16-bit little-endian PCM */
    public static byte[] wavCue(int sampleRate) {
        return WavLabeler.cue(sampleRate, 1);
    }

    /** @return whether the platform can label this media type inside the file */
    public boolean supports(String mediaType) {
        return labeler(mediaType) != null;
    }

    /**
     * @return the labelled file
     * @throws IOException when the file is not what its media type says
     */
    public byte[] write(String mediaType, byte[] content, AigcLabel label, boolean explicit) throws IOException {
        Labeler l = labeler(mediaType);
        if (l == null) {
            throw new IOException("no label writer for " + mediaType);
        }
        return l.write(content, label, explicit);
    }

    /**
     * @return the whole label as JSON ({@code {"AIGC":{…}}}) for a file of this media type to have beside it, when the
     *         file itself has room for part of the label only (binary STL's 80-byte header); empty otherwise
     */
    public Optional<byte[]> sidecar(String mediaType, AigcLabel label) {
        Labeler l = labeler(mediaType);
        return l != null && l.needsSidecar() ? Optional.of(LabelJson.writePretty(label)) : Optional.empty();
    }

    /** @return whether an artifact of this media type keeps its whole label in a file beside it (binary STL) */
    public boolean needsSidecar(String mediaType) {
        Labeler l = labeler(mediaType);
        return l != null && l.needsSidecar();
    }

    /** @return the label a file carries, whatever its format among those supported */
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        for (Labeler l : labelers) {
            if (l.sniff(content)) {
                return l.read(content);
            }
        }
        return Optional.empty();
    }

    private Labeler labeler(String mediaType) {
        String m = mediaType == null ? "" : mediaType.toLowerCase(java.util.Locale.ROOT);
        for (Labeler l : labelers) {
            if (l.handles(m)) {
                return l;
            }
        }
        return null;
    }
}
