package org.atelier.itests.compose;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Input of the composing test generator.
 *
 * @param generator the generator to run as a sub-job, {@code vertical/id}
 * @param input its input
 * @param share the part of the job's progress the sub-job spans
 */
public record ComposeInput(@NotBlank String generator, @NotNull Map<String, Object> input,
                           @Min(0) @Max(1) Double share) {
}
