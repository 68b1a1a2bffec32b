package org.atelier.itests.echo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Input of the test generator.
 *
 * @param text what to repeat
 * @param times how often
 * @param delayMs how long to take, to keep a call in flight
 */
public record EchoInput(@NotBlank @Size(max = 200) String text, @NotNull @Min(1) @Max(10) Integer times,
                        @Min(0) @Max(5000) Integer delayMs) {
}
