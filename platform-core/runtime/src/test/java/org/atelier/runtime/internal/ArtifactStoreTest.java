package org.atelier.runtime.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.atelier.api.Artifact;
import org.atelier.api.labels.AigcLabel;
import org.atelier.runtime.ArtifactInfo;
import org.atelier.runtime.ArtifactLabel;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {

    @TempDir
    Path dir;

    @Test
    void anStlGetsItsWholeLabelBesideItAsASecondArtifactOfTheSameJob() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ArtifactStore store = new ArtifactStore(dir, new Database(ds));
        JobContext job = new JobContext("j1", store,
                new ArtifactStore.Labelling("atelier", "industrial/design", true), () -> { });

        Artifact stl = job.writeArtifact("bracket.stl", "model/stl", binaryStl(2));

        List<ArtifactInfo> written = job.artifacts();
        assertThat(written).extracting(ArtifactInfo::name).containsExactly("bracket.stl", "bracket.stl.aigc.json");
        assertThat(written.get(1).mediaType()).isEqualTo("application/json");
        AigcLabel whole = new AigcLabel("1", "atelier", stl.id(), "industrial/design", "", "", "");
        ArtifactLabel inFile = store.label(stl.id()).orElseThrow();
        assertThat(inFile.embedded()).isTrue();
        assertThat(inFile.label().produceId()).isEqualTo(stl.id());
        assertThat(inFile.label().label()).isEqualTo("1");
        assertThat(store.label(written.get(1).id()).orElseThrow().label()).as("the sidecar holds all seven fields")
                .isEqualTo(whole);
        assertThat(Files.readString(dir.resolve(written.get(1).sha256()), UTF_8)).contains("\"AIGC\"")
                .contains(stl.id());
        assertThat(Files.size(dir.resolve(stl.sha256()))).as("the mesh keeps its size").isEqualTo(84 + 2 * 50);
        assertThat(store.byJobs(List.of("j1")).get("j1")).extracting(ArtifactInfo::name)
                .containsExactlyInAnyOrder("bracket.stl", "bracket.stl.aigc.json");

        job.writeArtifact("notes.txt", "text/plain", "a note".getBytes(UTF_8));
        assertThat(job.artifacts()).as("formats that hold the whole label get no sidecar").hasSize(3);
    }

    static byte[] binaryStl(int triangles) {
        ByteBuffer b = ByteBuffer.allocate(84 + 50 * triangles).order(ByteOrder.LITTLE_ENDIAN);
        b.position(80);
        b.putInt(triangles);
        for (int t = 0; t < triangles; t++) {
            b.putFloat(0).putFloat(0).putFloat(1);
            b.putFloat(t).putFloat(0).putFloat(0).putFloat(t + 1).putFloat(0).putFloat(0).putFloat(t).putFloat(1)
                    .putFloat(0);
            b.putShort((short) 0);
        }
        return b.array();
    }
}
