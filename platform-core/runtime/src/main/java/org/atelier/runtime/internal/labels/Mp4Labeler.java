package org.atelier.runtime.internal.labels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.atelier.api.labels.AigcLabel;

/**
 * MP4 video (an ISO base media file, ISO/IEC 14496-12): the implicit label as the label's JSON in a top-level
 * {@code uuid} box with the fixed user type {@link #USER_TYPE}, appended at the end of the file. Nothing before it
 * moves, so the sample offsets in {@code stco}/{@code co64} and {@code moof}/{@code sidx} stay right without being
 * rewritten, and players skip a box they do not know. A label written before is turned into a {@code free} box of the
 * same size (or cut off when it is the last box), so labelling twice leaves one label.
 *
 * <p>The box walk is written here rather than through a library: it reads only top-level box headers (size, type),
 * and the one Java MP4 library on Maven Central (mp4parser {@code org.mp4parser:isoparser}) is not an OSGi bundle and
 * brings the AspectJ runtime with it.
 *
 * <p>The explicit label of a video is a visible mark on its frames: "AI-generated" in the lower right corner of every
 * frame, drawn and re-encoded (H.264, audio copied) by the {@code ffmpeg} program (Debian {@code ffmpeg}; another
 * path in the system property {@value #FFMPEG_PROPERTY}). A file without a video track has no frames to mark. When
 * a mark is asked for and ffmpeg is missing, the file is refused with a message that says so: a video is never
 * stored without the mark it should carry.
 */
final class Mp4Labeler implements Labeler {

    /** {@code UUID.nameUUIDFromBytes("urn:atelier:aigc")}: the user type of the label's box. */
    static final UUID USER_TYPE = UUID.fromString("9dae4787-9c39-37fc-a46a-0cb2bc12d62e");

    /** A top-level box: where it starts, its whole size and its header's size, its type and user type. */
    record Box(int offset, int size, int header, String type, UUID userType) {
    }

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("video/mp4");
    }

    /** Whether a track's handler is {@code vide}: a {@code hdlr} box whose handler type says video. */
    static boolean hasVideo(byte[] c) {
        for (int i = 4; i + 16 <= c.length; i++) {
            if (c[i] == 'h' && c[i + 1] == 'd' && c[i + 2] == 'l' && c[i + 3] == 'r' && c[i + 12] == 'v'
                    && c[i + 13] == 'i' && c[i + 14] == 'd' && c[i + 15] == 'e') {
                return true;
            }
        }
        return false;
    }

    /** Draws the visible mark on every frame with ffmpeg; the audio and other streams are copied as they are. */
    static byte[] mark(byte[] video) throws IOException {
        String ffmpeg = System.getProperty(FFMPEG_PROPERTY, "ffmpeg");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("atelier-mark-");
        try {
            java.nio.file.Path in = java.nio.file.Files.write(dir.resolve("in.mp4"), video);
            java.nio.file.Path out = dir.resolve("out.mp4");
            java.nio.file.Path log = dir.resolve("ffmpeg.log");
            List<String> command = List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-i", in.toString(), "-map", "0", "-vf",
                    "drawtext=text='" + MARK + "':fontcolor=white:fontsize=max(12\\,h/24):box=1"
                            + ":boxcolor=black@0.55:boxborderw=6:x=w-tw-12:y=h-th-12",
                    "-c", "copy", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                    "-movflags", "+faststart", out.toString());
            Process p;
            try {
                p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new IOException("a video's visible AIGC mark needs ffmpeg (Debian: apt-get install ffmpeg), "
                        + "and '" + ffmpeg + "' could not be run; or switch perceivable labels off for this generator");
            }
            try {
                if (!p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IOException("ffmpeg took over 10 minutes to mark the video");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while ffmpeg marked the video");
            }
            if (p.exitValue() != 0 || !java.nio.file.Files.isRegularFile(out)) {
                String why = java.nio.file.Files.readString(log).strip();
                throw new IOException("ffmpeg could not mark the video: "
                        + (why.length() > 300 ? why.substring(0, 300) + "…" : why));
            }
            return java.nio.file.Files.readAllBytes(out);
        } finally {
            try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
                for (java.nio.file.Path f : files.toList()) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
            java.nio.file.Files.deleteIfExists(dir);
        }
    }

    @Override
    public boolean sniff(byte[] c) {
        return c.length >= 8 && c[4] == 'f' && c[5] == 't' && c[6] == 'y' && c[7] == 'p';
    }

    static final String FFMPEG_PROPERTY = "atelier.ffmpeg";
    static final String MARK = "AI-generated";

    @Override
    public byte[] write(byte[] original, AigcLabel label, boolean explicit) throws IOException {
        if (!sniff(original)) {
            throw new IOException("not an MP4: no ftyp box at the start");
        }
        if (boxes(original).stream().noneMatch(b -> b.type().equals("moov"))) {
            throw new IOException("not a complete MP4: no moov box");
        }
        byte[] content = explicit && hasVideo(original) ? mark(original) : original;
        List<Box> boxes = boxes(content);
        Box last = boxes.get(boxes.size() - 1);
        int keep = isLabel(last) ? last.offset() : content.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(keep + 512);
        out.write(content, 0, keep);
        byte[] file = out.toByteArray();
        ByteBuffer b = ByteBuffer.wrap(file);
        for (Box box : boxes) {
            if (box.offset() >= keep) {
                break;
            }
            if (isLabel(box)) {
                // an earlier label in the middle: the same bytes, now a free box that players skip
                b.put(box.offset() + 4, "free".getBytes(StandardCharsets.US_ASCII));
                java.util.Arrays.fill(file, box.offset() + 8, box.offset() + box.size(), (byte) 0);
            } else if (readInt(content, box.offset()) == 0) {
                // "to the end of the file": after this, no longer the end, so its size is written out
                b.putInt(box.offset(), box.size());
            }
        }
        byte[] json = LabelJson.write(label).getBytes(StandardCharsets.UTF_8);
        ByteBuffer box = ByteBuffer.allocate(8 + 16 + json.length);
        box.putInt(box.capacity()).put("uuid".getBytes(StandardCharsets.US_ASCII))
                .putLong(USER_TYPE.getMostSignificantBits()).putLong(USER_TYPE.getLeastSignificantBits()).put(json);
        ByteArrayOutputStream labelled = new ByteArrayOutputStream(file.length + box.capacity());
        labelled.writeBytes(file);
        labelled.writeBytes(box.array());
        return labelled.toByteArray();
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        for (Box box : boxes(content)) {
            if (isLabel(box)) {
                int from = box.offset() + box.header();
                return Optional.of(LabelJson.read(new String(content, from, box.size() - box.header(),
                        StandardCharsets.UTF_8)));
            }
        }
        return Optional.empty();
    }

    private static boolean isLabel(Box box) {
        return box.type().equals("uuid") && USER_TYPE.equals(box.userType());
    }

    /**
     * @return the top-level boxes, which must cover the file exactly
     * @throws IOException when a box runs past the end of the file or is smaller than its header
     */
    static List<Box> boxes(byte[] c) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long pos = 0;
        while (pos < c.length) {
            int at = (int) pos;
            if (c.length - at < 8) {
                throw new IOException("damaged MP4: " + (c.length - at) + " stray bytes at offset " + at);
            }
            long size = readInt(c, at) & 0xffffffffL;
            String type = new String(c, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                if (c.length - at < 16) {
                    throw new IOException("damaged MP4: box " + type + " at offset " + at + " is cut off");
                }
                size = ByteBuffer.wrap(c, at + 8, 8).getLong();
                header = 16;
            } else if (size == 0) {
                size = c.length - pos;
            }
            UUID userType = null;
            if (type.equals("uuid")) {
                if (size < header + 16L || c.length - at < header + 16) {
                    throw new IOException("damaged MP4: uuid box at offset " + at + " is cut off");
                }
                ByteBuffer u = ByteBuffer.wrap(c, at + header, 16);
                userType = new UUID(u.getLong(), u.getLong());
                header += 16;
            }
            if (size < header || pos + size > c.length) {
                throw new IOException("damaged MP4: box " + printable(type) + " at offset " + at + " has size " + size
                        + ", the file ends at " + c.length);
            }
            boxes.add(new Box(at, (int) size, header, type, userType));
            pos += size;
        }
        return boxes;
    }

    private static int readInt(byte[] c, int at) {
        return ByteBuffer.wrap(c, at, 4).getInt();
    }

    private static String printable(String type) {
        return type.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f) ? type : "(binary type)";
    }
}
