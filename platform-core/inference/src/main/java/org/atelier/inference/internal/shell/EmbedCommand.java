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

/** {@code atelier:embed [--model ID] TEXT…}: one vector per text, its first values and token count. */
@Command(scope = "atelier", name = "embed", description = "Embeds texts and prints their vectors")
@Service
public class EmbedCommand implements Action {

    @Reference
    ModelRegistry models;

    @Option(name = "--model", aliases = "-m", description = "model id (default all-minilm-l6-v2)")
    @Completion(ModelCompleter.class)
    String model = "all-minilm-l6-v2";

    @Option(name = "--full", description = "print every value, not the first eight")
    boolean full;

    @Argument(index = 0, name = "texts", description = "one or more texts", required = true, multiValued = true)
    List<String> texts;

    @Override
    public Object execute() {
        try (TextEmbedder e = models.embedder(model)) {
            TextEmbedder.Embeddings out = e.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] v = out.vectors().get(i);
                StringBuilder sb = new StringBuilder();
                int shown = full ? v.length : Math.min(8, v.length);
                for (int d = 0; d < shown; d++) {
                    sb.append(d == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", v[d]));
                }
                System.out.println("[" + i + "] " + v.length + "-d" + (out.truncated().get(i) ? " (truncated)" : "")
                        + ": [" + sb + (shown < v.length ? ", …" : "") + "]");
            }
            System.out.println(out.tokens() + " tokens, model " + model);
        }
        return null;
    }
}
