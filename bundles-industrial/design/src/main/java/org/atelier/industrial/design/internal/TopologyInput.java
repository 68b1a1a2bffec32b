package org.atelier.industrial.design.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A topology optimisation problem: minimum compliance under a volume constraint (SIMP), in 2D (plane stress) or 3D.
 * Coordinates count elements from the top-left(-front) corner: x to the right, y down (as top88's images), z back.
 * Nodes are at integer coordinates 0..nelx, 0..nely, 0..nelz.
 *
 * @param preset a classic problem to start from: {@code mbb} (the half MBB beam exactly as top88),
 *        {@code cantilever}, {@code l-bracket}, {@code bridge}; without one, give loads and supports
 * @param nelx elements along x
 * @param nely elements along y
 * @param nelz elements along z for 3D; absent or 0 for 2D
 * @param material E, nu and Emin (top88: 1, 0.3, 1e-9)
 * @param loads forces, replacing the preset's when given; each in a load case (0 by default); the objective is
 *        the sum of the cases' compliances
 * @param supports fixed displacements, replacing the preset's when given
 * @param passive regions kept solid or void
 * @param symmetry mirror planes through the middle of the domain: {@code x} (left/right), {@code y}, {@code z}
 * @param volfrac the volume fraction, in (0, 1) (default 0.5)
 * @param penal the SIMP penalty (default 3)
 * @param rmin the filter radius in elements (default 1.5)
 * @param filter {@code sensitivity} (top88 ft=1, default), {@code density} (ft=2) or {@code heaviside}
 * @param optimizer {@code oc} (top88's update, default) or {@code mma}
 * @param maxIterations the most iterations (default 2000); it stops earlier when no density changes by more than
 *        0.01
 * @param thickness the plate thickness of a 2D design's STL, in elements (default 1)
 * @param variants ask for several derivative designs over ranges of the parameters instead of one
 * @param continuation grid continuation: optimise on coarser grids first (halving the sizes and rmin) and start from
 *        their design; fewer iterations on large meshes, a design close to (not identical with) the direct run's;
 *        default: on above {@code continuationElements2d} / {@code continuationElements3d} elements, off below
 */
public record TopologyInput(
        @Pattern(regexp = "mbb|cantilever|l-bracket|bridge", message = "must be mbb, cantilever, l-bracket or bridge")
        String preset,
        @NotNull @Min(1) @Max(100_000) Integer nelx,
        @NotNull @Min(1) @Max(100_000) Integer nely,
        @Min(0) @Max(10_000) Integer nelz,
        @Valid MaterialInput material,
        @Size(max = 10_000) List<@NotNull @Valid LoadInput> loads,
        @Size(max = 10_000) List<@NotNull @Valid SupportInput> supports,
        @Size(max = 1_000) List<@NotNull @Valid RegionInput> passive,
        @Size(max = 3) List<@NotNull @Pattern(regexp = "x|y|z", message = "must be x, y or z") String> symmetry,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) Double volfrac,
        @DecimalMin("1") @DecimalMax("10") Double penal,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") Double rmin,
        @Pattern(regexp = "sensitivity|density|heaviside", message = "must be sensitivity, density or heaviside")
        String filter,
        @Pattern(regexp = "oc|mma", message = "must be oc or mma") String optimizer,
        @Min(1) @Max(100_000) Integer maxIterations,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") Double thickness,
        @Valid VariantsInput variants,
        Boolean continuation) {

    /**
     * @param youngsModulus E of the solid (default 1)
     * @param poissonRatio nu (default 0.3)
     * @param minimumModulus Emin of the void, to keep the stiffness matrix regular (default 1e-9)
     */
    public record MaterialInput(@JsonProperty("E") Double youngsModulus, @JsonProperty("nu") Double poissonRatio,
                                @JsonProperty("Emin") Double minimumModulus) {
    }

    /**
     * A node by its coordinates.
     */
    public record NodeInput(@NotNull @Min(0) Integer x, @NotNull @Min(0) Integer y, @Min(0) Integer z) {
    }

    /**
     * A box of coordinates, each range {@code [from, to]}; a range left out spans the whole domain.
     */
    public record BoxInput(@Size(min = 2, max = 2) List<@NotNull @Min(0) Integer> x,
                           @Size(min = 2, max = 2) List<@NotNull @Min(0) Integer> y,
                           @Size(min = 2, max = 2) List<@NotNull @Min(0) Integer> z) {
    }

    /**
     * A force: on one node ({@code at}), or its total spread over the nodes of an edge or face ({@code on}:
     * {@code left}, {@code right}, {@code top}, {@code bottom}, {@code front}, {@code back}) or of a box of node
     * coordinates ({@code box}, ranges inclusive).
     */
    public record LoadInput(@Min(0) @Max(99) Integer loadCase, @Valid NodeInput at,
                            @Pattern(regexp = "left|right|top|bottom|front|back",
                                    message = "must be left, right, top, bottom, front or back") String on,
                            @Valid BoxInput box, Double fx, Double fy, Double fz) {
    }

    /**
     * Fixed displacement components ({@code fix}: {@code x}, {@code y}, {@code z}) of one node, an edge or face, or
     * a box of node coordinates (ranges inclusive).
     */
    public record SupportInput(@Valid NodeInput at,
                               @Pattern(regexp = "left|right|top|bottom|front|back",
                                       message = "must be left, right, top, bottom, front or back") String on,
                               @Valid BoxInput box,
                               @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "x|y|z",
                                       message = "must be x, y or z") String> fix) {
    }

    /**
     * Elements kept solid or void: a box of element coordinates, each range {@code [from, to)}.
     */
    public record RegionInput(@NotNull @Pattern(regexp = "solid|void", message = "must be solid or void") String kind,
                              @Size(min = 2, max = 2) List<@NotNull @Min(0) Integer> x,
                              @Size(min = 2, max = 2) List<@NotNull @Min(0) Integer> y,
                              @Size(min = 2, max = 2) List<@NotNull @Min(0) Integer> z) {
    }

    /**
     * Derivative designs: {@code count} candidates spread over the ranges given (a low-discrepancy sample), each
     * optimised, then ranked on the Pareto front of volume against compliance.
     *
     * @param count how many candidates
     * @param volfrac {@code [min, max]} of the volume fraction
     * @param rmin {@code [min, max]} of the filter radius
     * @param penal {@code [min, max]} of the penalty
     * @param loadSets alternative sets of loads, taken in turn (each like {@code loads})
     */
    public record VariantsInput(@NotNull @Min(2) @Max(64) Integer count,
                                @Size(min = 2, max = 2) List<@NotNull Double> volfrac,
                                @Size(min = 2, max = 2) List<@NotNull Double> rmin,
                                @Size(min = 2, max = 2) List<@NotNull Double> penal,
                                @Size(max = 16) List<@NotNull @Size(min = 1, max = 10_000)
                                        List<@NotNull @Valid LoadInput>> loadSets) {
    }
}
