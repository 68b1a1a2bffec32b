package ${package}.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * ${vertical}/${generator}: writes the given points as a Markdown document. Replace the body of
 * {@code generate} with your own work; keep reporting progress, checking cancellation and writing artifacts
 * through the context: the platform stores, labels (AIGC) and serves them.
 */
@Component(service = Generator.class)
public class ${generatorClass}Generator implements Generator<${generatorClass}Input> {

    static final String MEDIA_TYPE = "text/markdown";

    private final GeneratorDescriptor<${generatorClass}Input> descriptor = GeneratorDescriptor
            .builder("${vertical}", "${generator}", ${generatorClass}Input.class)
            .title("${generatorClass}")
            .description("Writes the given points as a Markdown document")
            .outputMediaTypes(MEDIA_TYPE)
            .longRunning(false)
            .build();

    @Override
    public GeneratorDescriptor<${generatorClass}Input> descriptor() {
        return descriptor;
    }

    @Override
    public Object generate(${generatorClass}Input input, GenerationContext context) {
        StringBuilder text = new StringBuilder()
                .append("#".repeat(input.levelOrDefault())).append(' ').append(input.title().strip()).append("\n\n");
        int words = 0;
        for (int i = 0; i < input.points().size(); i++) {
            context.checkCancelled();
            String point = input.points().get(i).strip();
            text.append(point).append("\n\n");
            words += point.split("\\s+").length;
            context.progress((i + 1.0) / (input.points().size() + 1), "paragraph " + (i + 1));
        }
        try {
            Artifact artifact = context.writeArtifact("${generator}.md", MEDIA_TYPE,
                    text.toString().getBytes(StandardCharsets.UTF_8));
            context.progress(1, "written");
            return new Summary(input.points().size(), words, artifact.id());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the document", e);
        }
    }

    /**
     * What a call answers besides its artifacts; serialised as JSON.
     *
     * @param paragraphs paragraphs written
     * @param words words written, title excluded
     * @param artifact the id of the Markdown artifact
     */
    public record Summary(int paragraphs, int words, String artifact) {
    }
}
