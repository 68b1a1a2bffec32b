package org.atelier.inference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.atelier.api.InvalidInputException;
import org.atelier.api.ModelRegistry;
import org.atelier.api.RestContributions;
import org.atelier.api.TextEmbedder;
import org.atelier.runtime.Bodies;
import org.atelier.runtime.JsonInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/v1/inference/embeddings}, in OpenAI's shape so that existing clients work:
 * {@code {"model","input":"text" | ["text", …]}} → {@code {"object":"list","model","data":[{"object":"embedding",
 * "index","embedding":[…]}],"usage":{"prompt_tokens","total_tokens","tokens"}}}. A text longer than the model's
 * maximum is embedded from its first tokens and flagged {@code "truncated":true}.
 */
@Component(service = EmbeddingsResource.class)
@JakartarsResource
@JakartarsApplicationSelect(RestContributions.APPLICATION_SELECT)
@JakartarsExtensionSelect(RestContributions.JSON_SELECT)
@Path("inference/embeddings")
public class EmbeddingsResource {

    static final String DEFAULT_MODEL = "all-minilm-l6-v2";
    static final long MAX_BODY = 8L << 20;

    private final ModelRegistry models;

    @Activate
    public EmbeddingsResource(@Reference ModelRegistry models) {
        this.models = models;
    }

    /** The answer. */
    public record Response(String object, String model, List<Item> data, Usage usage) {
    }

    /** One vector. */
    public record Item(String object, int index, float[] embedding, Boolean truncated) {
    }

    /** What the request read. */
    public record Usage(int prompt_tokens, int total_tokens, int tokens) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response embed(InputStream body) throws IOException {
        JsonNode request;
        try {
            request = JsonInput.mapper().readTree(Bodies.readAtMost(body, MAX_BODY));
        } catch (JsonProcessingException e) {
            throw JsonInput.invalid(e);
        }
        if (request == null || !request.isObject()) {
            throw new InvalidInputException("", "a JSON object is expected");
        }
        String model = DEFAULT_MODEL;
        List<String> texts = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "model" -> {
                    if (!v.isTextual()) {
                        throw new InvalidInputException("model", "must be a string");
                    }
                    model = v.asText();
                }
                case "input" -> texts = texts(v);
                case "encoding_format" -> {
                    if (!"float".equals(v.asText())) {
                        throw new InvalidInputException("encoding_format", "only \"float\" is supported");
                    }
                }
                case "user" -> { }
                case "dimensions" -> { }
                default -> throw new InvalidInputException(f.getKey(),
                        "unknown field; known fields: dimensions, encoding_format, input, model, user");
            }
        }
        if (texts == null) {
            throw new InvalidInputException("input", "must not be missing: a string or an array of strings");
        }
        JsonNode dims = request.get("dimensions");
        try (TextEmbedder embedder = models.embedder(model)) {
            if (dims != null && (!dims.isInt() || dims.asInt() != embedder.dimensions())) {
                throw new InvalidInputException("dimensions", "model " + model + " makes " + embedder.dimensions()
                        + "-d vectors and cannot shorten them");
            }
            TextEmbedder.Embeddings e = embedder.embed(texts);
            List<Item> data = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                data.add(new Item("embedding", i, e.vectors().get(i), e.truncated().get(i) ? Boolean.TRUE : null));
            }
            return new Response("list", model, data, new Usage(e.tokens(), e.tokens(), e.tokens()));
        }
    }

    private static List<String> texts(JsonNode v) {
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new InvalidInputException("input", "must be a string or an array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new InvalidInputException("input[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }
}
