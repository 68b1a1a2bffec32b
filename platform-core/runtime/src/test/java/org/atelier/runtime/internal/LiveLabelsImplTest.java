package org.atelier.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import org.atelier.api.labels.AigcLabel;
import org.atelier.api.labels.LiveLabels;
import org.atelier.runtime.internal.labels.Labels;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Labels of what is streamed: a text stream's header and a chat's first Server-Sent Event. */
class LiveLabelsImplTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final LiveLabels labels = new LiveLabelsImpl(config("Atelier 测试"));

    @Test
    void aLabelHasTheProducerTheGeneratorAndItsOwnId() {
        AigcLabel a = labels.newLabel("finance/chat");
        AigcLabel b = labels.newLabel("finance/chat");
        assertThat(a.label()).isEqualTo(AigcLabel.GENERATED);
        assertThat(a.contentProducer()).isEqualTo("Atelier 测试");
        assertThat(a.reservedCode1()).isEqualTo("finance/chat");
        assertThat(a.produceId()).isNotEqualTo(b.produceId());
    }

    @Test
    void aChatsFirstEventCarriesTheLabelOnOneDataLine() throws Exception {
        AigcLabel label = new AigcLabel("1", "Atelier\nline two", "s1", "finance/chat", "", "", "");
        String event = labels.sseLabelEvent(label, true);
        assertThat(event).startsWith("event: aigc-label\ndata: {").endsWith("}\n\n");
        String[] lines = event.split("\n");
        assertThat(lines).hasSize(2);
        JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
        assertThat(data.at("/AIGC/Label").asText()).isEqualTo("1");
        assertThat(data.at("/AIGC/ContentProducer").asText()).isEqualTo("Atelier\nline two");
        assertThat(data.at("/AIGC/ReservedCode1").asText()).isEqualTo("finance/chat");
        assertThat(data.get("notice").asText()).isEqualTo(labels.explicitText()).contains("AI");

        assertThat(labels.sseLabelEvent(label, false)).doesNotContain("notice");
    }

    @Test
    void aTextStreamBeginsAsAStoredTextArtifactDoes() throws Exception {
        AigcLabel label = labels.newLabel("media/news");
        String header = labels.textStreamHeader(label, true);
        byte[] streamed = (header + "Shares rose 2.1% on Tuesday.").getBytes(StandardCharsets.UTF_8);
        // what the platform writes for a stored text artifact, read back by the same reader
        assertThat(new Labels().read(streamed)).contains(label);
        assertThat(header).contains(labels.explicitText());
        assertThat(labels.textStreamHeader(label, false)).doesNotContain(labels.explicitText());
        assertThat(JSON.readTree(labels.labelJson(label)).fieldNames()).toIterable()
                .containsExactly("Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator",
                        "PropagateID", "ReservedCode2");
    }

    /** The runtime's configuration with its defaults, as ConfigAdmin hands it over, and this producer. */
    static RuntimeConfig config(String producer) {
        return (RuntimeConfig) Proxy.newProxyInstance(RuntimeConfig.class.getClassLoader(),
                new Class<?>[] {RuntimeConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "aigcContentProducer" -> producer;
                    case "annotationType" -> RuntimeConfig.class;
                    default -> method.getDefaultValue();
                });
    }
}
