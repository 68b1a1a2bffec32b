package ${package}.internal;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The request body of {@code POST /api/v1/${vertical}/${generator}}. The platform validates these constraints before
 * it calls the generator, answers 400 naming each offending field, and publishes them as the input's JSON Schema.
 *
 * @param title the document's title
 * @param points what the document says, one paragraph each
 * @param level heading level of the title, 1 to 3; 1 when absent
 */
public record ${generatorClass}Input(
        @NotBlank @Size(max = 120) String title,
        @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 2000) String> points,
        @Min(1) @Max(3) Integer level) {

    /** @return the heading level, 1 when none was given */
    public int levelOrDefault() {
        return level == null ? 1 : level;
    }
}
