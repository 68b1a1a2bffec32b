package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;

/**
 * STL meshes, which have no metadata but a header; the format is 84 bytes and a list of triangles, so it is read and
 * written here (no library on Maven Central is both maintained and an OSGi bundle).
 * <ul>
 * <li>Binary STL: the 80-byte header becomes {@code AIGC Label=1 ProduceID=… ContentProducer=…}, the fields in that
 * order as far as whole fields fit, values percent-encoded where they hold a space, {@code =}, {@code %} or anything
 * outside printable ASCII; the rest is zeros. The triangle count and the triangles are not touched. What the header
 * held before (some tools keep a default colour there, {@code COLOR=}) is replaced.</li>
 * <li>ASCII STL: the name on the {@code solid} line (and the {@code endsolid} line) gets {@code AIGC {json}} after
 * it, the whole label with non-ASCII characters escaped.</li>
 * </ul>
 * A binary header cannot hold the whole label, so the store also writes the label's JSON beside the file
 * ({@link #needsSidecar()}). There is no explicit label: a mark on a mesh would change the object that is printed or
 * machined; {@code explicit} is ignored.
 */
final class StlLabeler implements Labeler {

    static final int HEADER = 80;
    static final String PREFIX = "AIGC";
    private static final String ASCII_MARK = " " + PREFIX + " {";
    private static final String[] ORDER = {"Label", "ProduceID", "ContentProducer", "ReservedCode1",
        "ContentPropagator", "PropagateID", "ReservedCode2"};

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("model/stl") || mediaType.startsWith("model/x.stl-binary")
                || mediaType.startsWith("model/x.stl-ascii") || mediaType.startsWith("application/sla");
    }

    @Override
    public boolean sniff(byte[] c) {
        return isBinary(c) || isAscii(c);
    }

    @Override
    public boolean needsSidecar() {
        return true;
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        if (isBinary(content)) {
            byte[] out = content.clone();
            System.arraycopy(header(label), 0, out, 0, HEADER);
            return out;
        }
        if (isAscii(content)) {
            return writeAscii(content, label);
        }
        throw new IOException("not an STL: neither binary (80-byte header, triangle count, 50 bytes per triangle: "
                + content.length + " bytes do not add up) nor ASCII (solid … endsolid)");
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        if (isBinary(content)) {
            String header = new String(content, 0, HEADER, StandardCharsets.US_ASCII).replace("\0", " ").trim();
            if (!header.startsWith(PREFIX + " ")) {
                return Optional.empty();
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String token : header.substring(PREFIX.length()).trim().split(" +")) {
                int eq = token.indexOf('=');
                if (eq > 0) {
                    try {
                        fields.put(token.substring(0, eq), URLDecoder.decode(token.substring(eq + 1),
                                StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("damaged AIGC field in the STL header: " + token);
                    }
                }
            }
            if (!fields.containsKey("Label")) {
                throw new IOException("the STL header starts with AIGC but has no Label");
            }
            return Optional.of(AigcLabel.of(fields));
        }
        if (isAscii(content)) {
            int end = 0;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            String first = new String(content, 0, end, StandardCharsets.ISO_8859_1).strip();
            int at = first.indexOf(ASCII_MARK);
            return at < 0 ? Optional.empty() : Optional.of(LabelJson.read(first.substring(at + ASCII_MARK.length() - 1)));
        }
        return Optional.empty();
    }

    /** The header: as many whole fields as fit, in {@link #ORDER}, empty ones left out. */
    static byte[] header(AigcLabel label) {
        StringBuilder h = new StringBuilder(PREFIX);
        Map<String, String> fields = label.fields();
        for (String key : ORDER) {
            String value = fields.get(key);
            if (value.isEmpty()) {
                continue;
            }
            String field = " " + key + "=" + encode(value);
            if (h.length() + field.length() <= HEADER) {
                h.append(field);
            }
        }
        byte[] out = new byte[HEADER];
        byte[] text = h.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '=' && c != '%' && c != '+') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Rewrites the first line and the {@code endsolid} line; the bytes between them are copied as they are. */
    private static byte[] writeAscii(byte[] content, AigcLabel label) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int firstEnd = text.indexOf('\n');
        String eol = firstEnd > 0 && text.charAt(firstEnd - 1) == '\r' ? "\r\n" : "\n";
        String name = text.substring(0, firstEnd).strip().substring("solid".length()).strip();
        int old = (" " + name).indexOf(ASCII_MARK);
        if (old >= 0) {
            name = (" " + name).substring(0, old).strip();
        }
        String labelled = (name.isEmpty() ? "" : name + " ") + PREFIX + " " + LabelJson.writeAscii(label);
        int lastEnd = text.stripTrailing().length();
        int lastStart = text.lastIndexOf('\n', lastEnd - 1) + 1;
        String last = text.substring(lastStart, lastEnd);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String out = "solid " + labelled + eol + text.substring(firstEnd + 1, lastStart) + indent + "endsolid "
                + labelled + text.substring(lastEnd);
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean isBinary(byte[] c) {
        return c.length >= HEADER + 4 && c.length == HEADER + 4 + 50L * triangles(c);
    }

    /** @return the triangle count of a binary STL */
    static long triangles(byte[] c) {
        return ByteBuffer.wrap(c, HEADER, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
    }

    private static boolean isAscii(byte[] c) {
        String head = new String(c, 0, Math.min(c.length, 6), StandardCharsets.US_ASCII);
        if (!(head.startsWith("solid ") || head.startsWith("solid\n") || head.startsWith("solid\r")
                || head.equals("solid"))) {
            return false;
        }
        int from = Math.max(0, c.length - 1024);
        String tail = new String(c, from, c.length - from, StandardCharsets.ISO_8859_1).stripTrailing();
        int end = tail.lastIndexOf('\n');
        return end >= 0 && tail.substring(end + 1).stripLeading().startsWith("endsolid");
    }
}
