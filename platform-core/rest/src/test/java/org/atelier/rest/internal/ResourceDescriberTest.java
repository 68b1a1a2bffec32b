package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

class ResourceDescriberTest {

    record SpeakInput(@NotBlank String text, @Max(4) Double rate) {
    }

    record Profile(String id, String language) {
    }

    @Path("medical/voice/")
    public static class Sample {
        @POST
        @Path("speak")
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces("audio/wav")
        public Response speak(SpeakInput input, @Context SecurityContext security) {
            return null;
        }

        @GET
        @Path("profiles")
        @Produces(MediaType.APPLICATION_JSON)
        public List<Profile> list(@QueryParam("limit") int limit) {
            return null;
        }

        @DELETE
        @Path("profiles/{id: [a-z]+}")
        public void delete(@PathParam("id") String id) {
        }

        public String notAnEndpoint() {
            return null;
        }
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void describesPathsVerbsParametersAndSchemasFromTheAnnotations() {
        ObjectNode paths = json.createObjectNode();

        int added = new ResourceDescriber(json).describe(Sample.class, "org.atelier.medical.voice", paths);

        assertThat(added).isEqualTo(3);
        assertThat(paths.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/medical/voice/speak", "/medical/voice/profiles", "/medical/voice/profiles/{id}");

        JsonNode speak = paths.at("/~1medical~1voice~1speak/post");
        assertThat(speak.at("/tags/0").asText()).isEqualTo("org.atelier.medical.voice");
        JsonNode input = speak.at("/requestBody/content/application~1json/schema");
        assertThat(input.at("/properties/text/type").asText()).isEqualTo("string");
        assertThat(input.at("/properties/rate/maximum").asInt()).isEqualTo(4);
        assertThat(input.at("/required").toString()).contains("text");
        assertThat(speak.at("/responses/200/content").has("audio/wav")).isTrue();
        assertThat(speak.at("/responses/200/content/audio~1wav").has("schema")).as("a Response says nothing").isFalse();

        JsonNode list = paths.at("/~1medical~1voice~1profiles/get");
        assertThat(list.at("/parameters/0/name").asText()).isEqualTo("limit");
        assertThat(list.at("/parameters/0/in").asText()).isEqualTo("query");
        assertThat(list.has("requestBody")).isFalse();
        JsonNode profiles = list.at("/responses/200/content/application~1json/schema");
        assertThat(profiles.at("/type").asText()).isEqualTo("array");
        assertThat(profiles.at("/items/properties/language/type").asText()).isEqualTo("string");

        JsonNode delete = paths.at("/~1medical~1voice~1profiles~1{id}/delete");
        assertThat(delete.at("/parameters/0/in").asText()).isEqualTo("path");
        assertThat(delete.at("/parameters/0/required").asBoolean()).isTrue();
        assertThat(delete.at("/responses").has("204")).isTrue();
    }

    @Test
    void aClassWithoutPathIsNotAResource() {
        assertThat(new ResourceDescriber(json).describe(String.class, "x", json.createObjectNode())).isZero();
    }
}
