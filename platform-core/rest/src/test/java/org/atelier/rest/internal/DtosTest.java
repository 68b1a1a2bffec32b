package org.atelier.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.Job;
import org.atelier.runtime.JobState;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The job JSON that GET /jobs/{id} answers and every Server-Sent Event of the job carries. */
class DtosTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubJobCarriesItsParentItsDetailsAndItsPreviewApartFromItsArtifacts() throws Exception {
        ObjectNode details = JSON.createObjectNode().put("iteration", 12).put("compliance", 180.25)
                .put("stage", "grid 2/2");
        ArtifactInfo design = new ArtifactInfo("a1", "design.png", "image/png", 10, "0".repeat(64));
        ArtifactInfo preview = new ArtifactInfo("a2", "density.png", "image/png", 20, "1".repeat(64));
        Job job = new Job("j2", "industrial/topology", JobState.RUNNING, 0.4, "iteration 12", null, List.of(design),
                Instant.EPOCH, null, "k1", "j1", details, preview);

        JsonNode out = JSON.readTree(JSON.writeValueAsString(Dtos.job(job)));

        assertThat(out.get("parent").asText()).isEqualTo("j1");
        assertThat(out.get("details").toString()).isEqualTo(
                "{\"iteration\":12,\"compliance\":180.25,\"stage\":\"grid 2/2\"}");
        assertThat(out.get("preview").get("id").asText()).isEqualTo("a2");
        assertThat(out.get("preview").get("href").asText()).isEqualTo("/api/v1/artifacts/a2");
        assertThat(out.get("artifacts")).hasSize(1);
        assertThat(out.get("artifacts").get(0).get("id").asText()).isEqualTo("a1");
    }

    @Test
    void aJobOfItsOwnWithoutDetailsOrPreviewHasNoSuchFields() throws Exception {
        Job job = new Job("j1", "medical/voice", JobState.SUCCEEDED, 1, null, null, List.of(), Instant.EPOCH,
                Instant.EPOCH, "k1");

        JsonNode out = JSON.readTree(JSON.writeValueAsString(Dtos.job(job)));

        assertThat(out.has("parent")).isFalse();
        assertThat(out.has("details")).isFalse();
        assertThat(out.has("preview")).isFalse();
    }
}
