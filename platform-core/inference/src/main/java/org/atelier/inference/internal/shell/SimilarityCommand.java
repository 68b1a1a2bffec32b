package org.atelier.inference.internal.shell;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.atelier.api.ModelRegistry;
import org.atelier.api.TextEmbedder;
import org.atelier.inference.internal.Vectors;

/** {@code atelier:similarity [--model ID] A B}: the cosine similarity of two texts. */
@Command(scope = "atelier", name = "similarity", description = "Prints the cosine similarity of two texts")
@Service
public class SimilarityCommand implements Action {

    @Reference
    ModelRegistry models;

    @Option(name = "--model", aliases = "-m", description = "model id (default all-minilm-l6-v2)")
    @Completion(ModelCompleter.class)
    String model = "all-minilm-l6-v2";

    @Argument(index = 0, name = "a", description = "first text", required = true)
    String a;

    @Argument(index = 1, name = "b", description = "second text", required = true)
    String b;

    @Override
    public Object execute() {
        try (TextEmbedder e = models.embedder(model)) {
            List<float[]> v = e.embed(List.of(a, b)).vectors();
            System.out.println(String.format(Locale.ROOT, "%.4f", Vectors.cosine(v.get(0), v.get(1))));
        }
        return null;
    }
}
