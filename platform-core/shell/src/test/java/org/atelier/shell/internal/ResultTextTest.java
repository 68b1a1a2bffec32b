package org.atelier.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ResultTextTest {

    private static String print(ObjectNode result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ResultText.print(result, new PrintStream(bytes, true, UTF_8), "--full");
        return bytes.toString(UTF_8);
    }

    @Test
    void aDesignOfEightyOneIterationsIsASummaryOfAFewLinesWithTheHistoryCounted() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode r = json.createObjectNode();
        r.put("compliance", 203.19254117);
        r.put("iterations", 81);
        r.put("volume", 0.49999998);
        r.put("converged", true);
        r.putNull("secondsPerIteration");
        r.putArray("mesh").add(120).add(40);
        r.putArray("artifacts").add("design.png").add("design.json").add("design.svg");
        ArrayNode history = r.putArray("history");
        for (int i = 1; i <= 81; i++) {
            history.addObject().put("iteration", i).put("compliance", 300.0 - i).put("volume", 0.5)
                    .put("change", 0.2);
        }

        String out = print(r);

        assertThat(out.lines()).hasSize(9);
        assertThat(out).contains("  compliance           203.193\n").contains("  iterations           81\n")
                .contains("  volume               0.5\n").contains("  secondsPerIteration  none\n")
                .contains("  mesh                 120, 40\n")
                .contains("  artifacts            design.png, design.json, design.svg\n")
                .contains("  history              81 entries (--full shows them)\n");
    }

    @Test
    void aShortHistoryIsALineAnIteration() {
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.putArray("history").addObject().put("iteration", 1).put("compliance", 1033.044578042184);

        assertThat(print(r)).isEqualTo("result\n  history  1 entry\n    1. iteration 1, compliance 1033.04\n");
    }

    @Test
    void aFewCandidatesAreALineEachWithTheirScalarFields() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode r = json.createObjectNode();
        ArrayNode candidates = r.putArray("candidates");
        for (int i = 1; i <= 3; i++) {
            ObjectNode c = candidates.addObject().put("rank", i).put("compliance", 100.0 / i).put("front", 1);
            c.putObject("settings").put("volfrac", 0.3 + 0.1 * i).put("penal", 3).put("rmin", 1.5)
                    .put("filter", "sensitivity").put("optimizer", "oc");
            c.putArray("artifacts").add("candidate-0" + i + "-design.png");
        }
        r.putArray("paretoFront").add(1).add(2).add(3);

        assertThat(print(r)).contains("  candidates   3 entries\n")
                .contains("    2. rank 2, compliance 50, front 1, artifacts candidate-02-design.png\n")
                .contains("  paretoFront  1, 2, 3\n");
    }
}
