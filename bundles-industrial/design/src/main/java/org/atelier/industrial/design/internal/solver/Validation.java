package org.atelier.industrial.design.internal.solver;

/** The checks {@link TopologyOptimizer#run} makes first, for callers that must refuse an input before running it. */
public final class Validation {

    private Validation() {
    }

    /**
     * @throws TopologyException naming the field at fault; a {@link SingularStiffnessException} when the supports
     *         leave the structure free to move
     */
    public static void check(TopologyProblem problem, TopologyParameters params) {
        params.validate();
        problem.validate(params);
    }
}
