package org.atelier.runtime.internal.labels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;

/**
 * WAV (RIFF): the implicit label as a chunk {@code AIGC} holding the label's JSON; the explicit one as a short
 * audible cue (two tones) before the sound, for 16-bit PCM.
 */
final class WavLabeler implements Labeler {

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("audio/wav") || mediaType.startsWith("audio/x-wav")
                || mediaType.startsWith("audio/wave") || mediaType.startsWith("audio/vnd.wave");
    }

    @Override
    public boolean sniff(byte[] c) {
        return c.length >= 12 && ascii(c, 0).equals("RIFF") && ascii(c, 8).equals("WAVE");
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) throws IOException {
        if (!sniff(content)) {
            throw new IOException("not a RIFF WAVE file");
        }
        ByteBuffer in = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int format = 0;
        int pos = 12;
        while (pos + 8 <= content.length) {
            String id = ascii(content, pos);
            int size = in.getInt(pos + 4);
            if (size < 0 || pos + 8L + size > content.length) {
                throw new IOException("chunk " + id + " runs past the end of the file");
            }
            if (id.equals("fmt ")) {
                format = in.getShort(pos + 8) & 0xffff;
                channels = in.getShort(pos + 10) & 0xffff;
                rate = in.getInt(pos + 12);
                bits = in.getShort(pos + 22) & 0xffff;
            }
            if (id.equals("AIGC")) {
                // replaced below
            } else if (id.equals("data") && explicit && format == 1 && bits == 16 && channels > 0) {
                byte[] cue = cue(rate, channels);
                chunk(chunks, "data", concat(cue, slice(content, pos + 8, size)));
            } else {
                chunk(chunks, id, slice(content, pos + 8, size));
            }
            pos += 8 + size + (size & 1);
        }
        chunk(chunks, "AIGC", LabelJson.write(label).getBytes(StandardCharsets.UTF_8));
        byte[] body = chunks.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body);
        return out.array();
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        if (!sniff(content)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= content.length) {
            int size = in.getInt(pos + 4);
            if (size < 0 || pos + 8L + size > content.length) {
                break;
            }
            if (ascii(content, pos).equals("AIGC")) {
                return Optional.of(LabelJson.read(new String(content, pos + 8, size, StandardCharsets.UTF_8).trim()));
            }
            pos += 8 + size + (size & 1);
        }
        return Optional.empty();
    }

    /**
     * The data size a WAV streamed as it is made says, its length being unknown: the value sox itself writes to a pipe
     * (0x7FFFF000). sox and soxi read it as "length unknown" and play to the end; ffprobe and browsers read to the end
     * too. A larger value (0xFFFFFFFF, or the 0x7FFFFF.. written before) is read by soxi as a length of 18 to 37 hours
     * of audio, with "premature EOF" at the end.
     */
    public static final int UNKNOWN_DATA_SIZE = 0x7FFFF000;

    /**
     * The header of a mono 16-bit PCM WAV streamed as it is made: {@code fmt }, the {@code AIGC} label chunk, then a
     * {@code data} chunk whose length is not known yet ({@link #UNKNOWN_DATA_SIZE}; players read to the end).
     */
    public static byte[] streamHeader(int sampleRate, AigcLabel label) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2)
                .putShort((short) 16);
        chunk(chunks, "fmt ", fmt.array());
        chunk(chunks, "AIGC", LabelJson.write(label).getBytes(StandardCharsets.UTF_8));
        byte[] body = chunks.toByteArray();
        int unknown = UNKNOWN_DATA_SIZE;
        ByteBuffer out = ByteBuffer.allocate(12 + body.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + body.length + 8 + unknown)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(body)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(unknown);
        return out.array();
    }

    /** Two 880 Hz tones of 120 ms with 60 ms between them and 120 ms after, at a moderate level. */
    static byte[] cue(int rate, int channels) {
        int tone = rate * 120 / 1000;
        int gap = rate * 60 / 1000;
        int tail = rate * 120 / 1000;
        int frames = tone + gap + tone + tail;
        ByteBuffer b = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            boolean on = i < tone || (i >= tone + gap && i < 2 * tone + gap);
            int t = i < tone ? i : i - tone - gap;
            double envelope = on ? Math.min(1, Math.min(t, tone - t) / (rate * 0.005)) : 0;
            short v = (short) (on ? 0.3 * envelope * Short.MAX_VALUE * Math.sin(2 * Math.PI * 880 * i / rate) : 0);
            for (int c = 0; c < channels; c++) {
                b.putShort(v);
            }
        }
        return b.array();
    }

    private static void chunk(ByteArrayOutputStream out, String id, byte[] data) {
        ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        h.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(data.length);
        out.writeBytes(h.array());
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static String ascii(byte[] c, int at) {
        return new String(c, at, 4, StandardCharsets.US_ASCII);
    }

    private static byte[] slice(byte[] c, int from, int len) {
        byte[] out = new byte[len];
        System.arraycopy(c, from, out, 0, len);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
