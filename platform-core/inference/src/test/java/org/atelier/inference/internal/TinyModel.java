package org.atelier.inference.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny but real text embedding model folder: an ONNX graph encoded here field by field (the protobuf wire
 * format of onnx.proto), a word-level Hugging Face tokenizer and its {@code model.json}. The graph computes
 * {@code out[n, t, :] = ids[n, t] * mask[n, t] * (1, 2, …, D)}, so a text's mean-pooled vector is its mean token id
 * times {@code (1, 2, …, D)}: easy to check by hand.
 */
public final class TinyModel {

    /** Words of the vocabulary, with ids 1 to 5 ({@code [UNK]} is 0). */
    public static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "epsilon"};

    private TinyModel() {
    }

    /** Writes {@code dir/model.onnx}, {@code dir/tokenizer.json} and {@code dir/model.json}. */
    public static Path write(Path dir, int dimensions) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.onnx"), onnx(dimensions));
        StringBuilder vocab = new StringBuilder("\"[UNK]\":0");
        for (int i = 0; i < WORDS.length; i++) {
            vocab.append(",\"").append(WORDS[i]).append("\":").append(i + 1);
        }
        Files.writeString(dir.resolve("tokenizer.json"), "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,"
                + "\"added_tokens\":[],\"normalizer\":null,\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
                + "\"post_processor\":null,\"decoder\":null,\"model\":{\"type\":\"WordLevel\",\"vocab\":{" + vocab
                + "},\"unk_token\":\"[UNK]\"}}");
        Files.writeString(dir.resolve("model.json"), "{\"dimensions\":" + dimensions + ",\"pooling\":\"mean\","
                + "\"normalize\":false,\"maxTokens\":16,\"languages\":[\"en\"],\"description\":\"tiny test model\"}");
        return dir;
    }

    static byte[] onnx(int dimensions) {
        float[] w = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            w[i] = i + 1;
        }
        Proto graph = new Proto()
                .msg(1, node("Cast", new String[] {"input_ids"}, "ids_f", intAttr("to", 1)))
                .msg(1, node("Cast", new String[] {"attention_mask"}, "mask_f", intAttr("to", 1)))
                .msg(1, node("Mul", new String[] {"ids_f", "mask_f"}, "masked", null))
                .msg(1, node("Unsqueeze", new String[] {"masked", "axes"}, "column", null))
                .msg(1, node("MatMul", new String[] {"column", "weights"}, "last_hidden_state", null))
                .str(2, "tiny")
                .msg(5, new Proto().int64(1, 1).int64(1, dimensions).int64(2, 1).str(8, "weights").bytes(9, floats(w)))
                .msg(5, new Proto().int64(1, 1).int64(2, 7).str(8, "axes").bytes(9, longs(new long[] {2})))
                .msg(11, valueInfo("input_ids", 7, "batch", "tokens", null))
                .msg(11, valueInfo("attention_mask", 7, "batch", "tokens", null))
                .msg(12, valueInfo("last_hidden_state", 1, "batch", "tokens", (long) dimensions));
        return new Proto()
                .int64(1, 8)
                .msg(8, new Proto().str(1, "").int64(2, 13))
                .str(2, "atelier-test")
                .msg(7, graph)
                .toBytes();
    }

    private static Proto node(String op, String[] inputs, String output, Proto attribute) {
        Proto p = new Proto();
        for (String in : inputs) {
            p.str(1, in);
        }
        p.str(2, output).str(3, op + "_" + output).str(4, op);
        if (attribute != null) {
            p.msg(5, attribute);
        }
        return p;
    }

    private static Proto intAttr(String name, long value) {
        return new Proto().str(1, name).int64(3, value).int64(20, 2);
    }

    private static Proto valueInfo(String name, int elemType, String dim0, String dim1, Long dim2) {
        Proto shape = new Proto().msg(1, new Proto().str(2, dim0)).msg(1, new Proto().str(2, dim1));
        if (dim2 != null) {
            shape.msg(1, new Proto().int64(1, dim2));
        }
        Proto tensor = new Proto().int64(1, elemType).msg(2, shape);
        return new Proto().str(1, name).msg(2, new Proto().msg(1, tensor));
    }

    private static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] longs(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    /** The protobuf wire format: just what onnx.proto needs. */
    static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto int64(int field, long value) {
            varint(((long) field << 3));
            varint(value);
            return this;
        }

        Proto str(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto msg(int field, Proto message) {
            return bytes(field, message.toBytes());
        }

        Proto bytes(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
