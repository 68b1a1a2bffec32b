package ${package}.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.atelier.api.Artifact;
import org.atelier.api.GenerationContext;
import org.atelier.api.Generator;
import org.atelier.api.GeneratorDescriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * ${vertical}/${generator}: writes the given points as a Markdown document. Replace the body of
 * {@code generate} with your own work; keep reporting progress, checking cancellation and writing artifacts
 * through the context: the platform stores, labels (AIGC) and serves them. Each document is also kept in the
 * bundle's own table ({@link DocumentLog}) while that is there: services come and go, so the generator copes without.
 */
@Component(service = Generator.class)
public class ${generatorClass}Generator implements Generator<${generatorClass}Input> {

    static final String MEDIA_TYPE = "text/markdown";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DocumentLog log;

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
            int documents = keep(context, input.title().strip(), words);
            context.progress(1, "written");
            return new Summary(input.points().size(), words, artifact.id(), documents);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the document", e);
        }
    }

    /** @return how many documents the caller has had written, this one included; 0 without the table */
    private int keep(GenerationContext context, String title, int words) {
        DocumentLog l = log;
        if (l == null) {
            return 0;
        }
        String owner = context.owner().orElse("");
        try {
            l.record(context.jobId(), owner, title, words);
            return l.count(owner);
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the document in the database", e);
        }
    }

    /**
     * What a call answers besides its artifacts; serialised as JSON.
     *
     * @param paragraphs paragraphs written
     * @param words words written, title excluded
     * @param artifact the id of the Markdown artifact
     * @param documents how many documents the caller has had written, this one included (0 without the table)
     */
    public record Summary(int paragraphs, int words, String artifact, int documents) {
    }
}
