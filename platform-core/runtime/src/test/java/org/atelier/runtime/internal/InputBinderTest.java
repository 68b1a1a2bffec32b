package org.atelier.runtime.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.atelier.api.InvalidInputException;
import org.atelier.api.InvalidInputException.FieldError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The generator binder: plain constraint messages, no coercion between JSON types, schemas that state limits. */
class InputBinderTest {

    /** Every constraint type the platform's verticals use, in the shapes they use them. */
    public record Everything(@DecimalMin("0.25") @DecimalMax("4") Double rate,
                             @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false)
                             Double volfrac,
                             @Min(1) @Max(5) Integer times, @NotNull Integer penal, @NotBlank String name,
                             @NotEmpty List<String> fix, @Size(max = 10) String text, @Size(min = 2, max = 3)
                             List<String> axes, @Size(max = 2) Map<String, String> lexicon,
                             @Pattern(regexp = "oc|mma", message = "must be oc or mma") String optimizer,
                             @Size(min = 1) String code) {
    }

    public record Speak(String text, Integer count, Boolean ssml, Double rate, Map<String, String> lexicon,
                        Nested variants) {
    }

    public record Nested(@Max(64) Integer count) {
    }

    private final InputBinder binder = new InputBinder();

    @AfterEach
    void close() {
        binder.close();
    }

    @Test
    void everyConstraintMessageReadsAsPlainLanguageWithItsNumbers() {
        String body = "{\"rate\":5,\"volfrac\":1,\"times\":9,\"name\":\" \",\"fix\":[],\"text\":\"elevenchars\","
                + "\"axes\":[\"x\"],\"lexicon\":{\"a\":\"b\",\"c\":\"d\",\"e\":\"f\"},\"optimizer\":\"x\",\"code\":\"\"}";

        List<FieldError> errors = errors(body, Everything.class);

        assertThat(errors).containsExactly(
                new FieldError("axes", "must have between 2 and 3 items"),
                new FieldError("code", "must have at least 1 characters"),
                new FieldError("fix", "must not be empty"),
                new FieldError("lexicon", "must have at most 2 entries"),
                new FieldError("name", "must not be blank"),
                new FieldError("optimizer", "must be oc or mma"),
                new FieldError("penal", "must not be null"),
                new FieldError("rate", "must be less than or equal to 4"),
                new FieldError("text", "must have at most 10 characters"),
                new FieldError("times", "must be less than or equal to 5"),
                new FieldError("volfrac", "must be less than 1"));
        assertThat(errors("{\"rate\":0.1,\"volfrac\":0,\"times\":0,\"penal\":3,\"name\":\"a\",\"fix\":[\"x\"]}",
                Everything.class)).containsExactly(
                new FieldError("rate", "must be greater than or equal to 0.25"),
                new FieldError("times", "must be greater than or equal to 1"),
                new FieldError("volfrac", "must be greater than 0"));
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefusedNamingTheFieldAndTheTypeExpected() {
        assertThat(errors("{\"text\":42}", Speak.class)).containsExactly(
                new FieldError("text", "expected a string, got 42"));
        assertThat(errors("{\"text\":true}", Speak.class)).singleElement()
                .isEqualTo(new FieldError("text", "expected a string, got true"));
        assertThat(errors("{\"text\":1.5}", Speak.class)).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("expected a string"));
        assertThat(errors("{\"count\":\"5\"}", Speak.class)).singleElement()
                .isEqualTo(new FieldError("count", "expected an integer, got a string"));
        assertThat(errors("{\"ssml\":\"true\"}", Speak.class)).singleElement()
                .isEqualTo(new FieldError("ssml", "expected a boolean, got a string"));
        assertThat(errors("{\"ssml\":1}", Speak.class)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("ssml"));
        assertThat(errors("{\"rate\":\"1.5\"}", Speak.class)).singleElement()
                .isEqualTo(new FieldError("rate", "expected a number, got a string"));
        assertThat(errors("{\"lexicon\":{\"GIF\":7}}", Speak.class)).singleElement()
                .isEqualTo(new FieldError("lexicon.GIF", "expected a string, got 7"));
        assertThat(binder.bind("{\"text\":\"hi\",\"rate\":1,\"lexicon\":{\"GIF\":\"jif\"}}".getBytes(UTF_8),
                Speak.class)).isEqualTo(new Speak("hi", null, null, 1.0, Map.of("GIF", "jif"), null));
    }

    @Test
    void malformedJsonIsDescribedWithoutTheParser() {
        assertThat(errors("{", Speak.class)).containsExactly(
                new FieldError("", "malformed JSON at line 1, column 2: the object is not closed"));
        assertThat(errors("[\"a\"", Speak.class)).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("malformed JSON at line 1, column 5: the array is not closed"));
        assertThat(errors("{\"text\":\"hi", Speak.class)).singleElement().satisfies(e -> assertThat(e.message())
                .endsWith(": a string is not closed"));
        assertThat(errors("{text:1}", Speak.class)).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("malformed JSON at line 1, column 2: unexpected character 't': a field name in double "
                        + "quotes is expected"));
        assertThat(errors("{\"text\":\"a\" \"count\":1}", Speak.class)).singleElement()
                .satisfies(e -> assertThat(e.message()).endsWith("a comma or '}' is expected after a field"));
        assertThat(errors("{\"text\":nope}", Speak.class)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unrecognized word 'nope'"));
        assertThat(errors("{\"text\":\"a\",\"text\":\"b\"}", Speak.class)).singleElement()
                .satisfies(e -> assertThat(e.message()).endsWith("the field 'text' appears twice"));
        assertThat(errors("{} {}", Speak.class)).singleElement().satisfies(e -> assertThat(e.message())
                .endsWith("only one JSON value is expected, with nothing after it"));
        for (String bad : List.of("{", "[1", "{\"a\"", "{\"a\":", "{\"text\":\"a\" \"count\":1}", "{,}", "[}",
                "{\"text\":\"\u0001\"}", "{\"count\":01}", "{\"text\":\"\\q\"}", "{} {}", "nul", "\"a")) {
            assertThat(errors(bad, Speak.class)).allSatisfy(e -> assertThat(e.message()).startsWith("malformed JSON")
                    .doesNotContain("Source", "REDACTED", "StreamReadFeature", "marker", "token", "java", "code ",
                            "Object entries"));
        }
    }

    @Test
    void theSchemaStatesTheLimitsAsTheyAreNowAndMapsTakeEntries() {
        AtomicLong maxText = new AtomicLong(5000);
        ObjectNode base = binder.schema(Speak.class);

        ObjectNode schema = InputBinder.withLimits(base, Map.of("text", maxText::get, "variants.count", () -> 16,
                "count", () -> 100));

        assertThat(schema.at("/properties/text/maxLength").asLong()).isEqualTo(5000);
        assertThat(schema.at("/properties/count/maximum").asLong()).isEqualTo(100);
        assertThat(schema.at("/properties/variants/properties/count/maximum").asLong()).isEqualTo(16);
        assertThat(schema.at("/properties/lexicon/additionalProperties/type").asText()).isEqualTo("string");
        assertThat(base.at("/properties/variants/properties/count/maximum").asLong())
                .as("the published base is left as it is").isEqualTo(64);

        maxText.set(200);
        assertThat(InputBinder.withLimits(base, Map.of("text", maxText::get)).at("/properties/text/maxLength")
                .asLong()).isEqualTo(200);
        assertThat(InputBinder.withLimits(base, Map.of("variants.count", () -> 100))
                .at("/properties/variants/properties/count/maximum").asLong())
                .as("an annotation stricter than the limit stays").isEqualTo(64);
    }

    private List<FieldError> errors(String body, Class<?> type) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> binder.bind(body.getBytes(UTF_8), type));
        assertThat(e).as("refused: %s", body).isNotNull();
        return e.errors();
    }
}
