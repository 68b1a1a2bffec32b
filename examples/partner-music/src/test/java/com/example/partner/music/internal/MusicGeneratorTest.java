package com.example.partner.music.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.atelier.api.GenerationCancelledException;
import org.junit.jupiter.api.Test;

class MusicGeneratorTest {

    private final MusicGenerator generator = new MusicGenerator();

    @Test
    void describesItselfAtItsAddress() {
        assertThat(generator.descriptor().qualifiedId()).isEqualTo("entertainment/music");
        assertThat(generator.descriptor().inputType()).isEqualTo(MusicInput.class);
        assertThat(generator.descriptor().outputMediaTypes()).containsExactly("text/markdown");
    }

    @Test
    void writesTheDocumentAndReportsProgress() {
        RecordingContext context = new RecordingContext();

        Object result = generator.generate(new MusicInput("Release notes",
                List.of("Faster start.", "Fewer bugs, more tests."), 2), context);

        assertThat(context.artifact("music.md").text())
                .isEqualTo("#".repeat(2) + " Release notes\n\nFaster start.\n\nFewer bugs, more tests.\n\n");
        assertThat(context.artifact("music.md").mediaType()).isEqualTo("text/markdown");
        assertThat(result).isEqualTo(new MusicGenerator.Summary(2, 6, "artifact-1"));
        assertThat(context.progress()).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void stopsWhenCancelled() {
        RecordingContext context = new RecordingContext();
        context.cancel();

        assertThatThrownBy(() -> generator.generate(new MusicInput("t", List.of("p"), null), context))
                .isInstanceOf(GenerationCancelledException.class);
    }
}
