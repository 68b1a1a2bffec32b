package org.atelier.runtime.internal.labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.atelier.api.labels.AigcLabel;

/**
 * Markdown and plain text: the implicit label as YAML front matter ({@code AIGC:} followed by the label's JSON,
 * which is valid YAML), the explicit one as a first line a reader sees.
 */
final class TextLabeler implements Labeler {

    static final String EXPLICIT = "【AI生成】本内容由人工智能生成 · AI-generated content";

    @Override
    public boolean handles(String mediaType) {
        return mediaType.startsWith("text/plain") || mediaType.startsWith("text/markdown");
    }

    @Override
    public boolean sniff(byte[] content) {
        return new String(content, 0, Math.min(content.length, 16), StandardCharsets.UTF_8).startsWith("---\nAIGC:");
    }

    @Override
    public byte[] write(byte[] content, AigcLabel label, boolean explicit) {
        String text = new String(content, StandardCharsets.UTF_8);
        return (header(label, explicit) + text).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the front matter with the implicit label, then the explicit line and a blank line when asked */
    static String header(AigcLabel label, boolean explicit) {
        return "---\nAIGC: " + LabelJson.node(label) + "\n---\n" + (explicit ? EXPLICIT + "\n\n" : "");
    }

    @Override
    public Optional<AigcLabel> read(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.startsWith("---\n")) {
            return Optional.empty();
        }
        int end = text.indexOf("\n---\n", 3);
        if (end < 0) {
            return Optional.empty();
        }
        for (String line : text.substring(4, end).split("\n")) {
            if (line.startsWith("AIGC:")) {
                return Optional.of(LabelJson.read(line.substring(5).trim()));
            }
        }
        return Optional.empty();
    }
}
