package ${package}.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.atelier.api.GenerationCancelledException;
import org.junit.jupiter.api.Test;

class ${generatorClass}GeneratorTest {

    private final ${generatorClass}Generator generator = new ${generatorClass}Generator();

    @Test
    void describesItselfAtItsAddress() {
        assertThat(generator.descriptor().qualifiedId()).isEqualTo("${vertical}/${generator}");
        assertThat(generator.descriptor().inputType()).isEqualTo(${generatorClass}Input.class);
        assertThat(generator.descriptor().outputMediaTypes()).containsExactly("text/markdown");
    }

    @Test
    void writesTheDocumentAndReportsProgress() {
        RecordingContext context = new RecordingContext();

        Object result = generator.generate(new ${generatorClass}Input("Release notes",
                List.of("Faster start.", "Fewer bugs, more tests."), 2), context);

        assertThat(context.artifact("${generator}.md").text())
                .isEqualTo("#".repeat(2) + " Release notes\n\nFaster start.\n\nFewer bugs, more tests.\n\n");
        assertThat(context.artifact("${generator}.md").mediaType()).isEqualTo("text/markdown");
        assertThat(result).isEqualTo(new ${generatorClass}Generator.Summary(2, 6, "artifact-1", 0));
        assertThat(context.progress()).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void stopsWhenCancelled() {
        RecordingContext context = new RecordingContext();
        context.cancel();

        assertThatThrownBy(() -> generator.generate(new ${generatorClass}Input("t", List.of("p"), null), context))
                .isInstanceOf(GenerationCancelledException.class);
    }
}
