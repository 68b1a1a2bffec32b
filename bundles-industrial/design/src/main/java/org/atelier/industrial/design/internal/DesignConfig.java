package org.atelier.industrial.design.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Limits of generative design ({@code etc/org.atelier.industrial.design.cfg}). */
@ObjectClassDefinition(name = "Atelier generative design", description = "Topology optimisation limits")
public @interface DesignConfig {

    String PID = "org.atelier.industrial.design";

    @AttributeDefinition(description = "Largest 2D mesh, in elements")
    int maxElements2d() default 1_000_000;

    @AttributeDefinition(description = "Largest 3D mesh, in elements")
    int maxElements3d() default 250_000;

    @AttributeDefinition(description = "Grid continuation is on by default above this many elements in 2D")
    int continuationElements2d() default 100_000;

    @AttributeDefinition(description = "Grid continuation is on by default above this many elements in 3D")
    int continuationElements3d() default 20_000;

    @AttributeDefinition(description = "Most derivative designs in one request")
    int maxVariants() default 16;

    @AttributeDefinition(description = "Threads for one optimisation; 0 for every core")
    int parallelism() default 0;

    @AttributeDefinition(description = "Optimisations at once; more wait in the job queue")
    int maxConcurrent() default 1;

    @AttributeDefinition(description = "A preview of the densities (the job's preview image) every this many "
            + "iterations; 0 for none")
    int previewEveryIterations() default 10;

    @AttributeDefinition(description = "A cancelled design stores the artifacts of its last iterate, marked partial")
    boolean cancelledArtifacts() default true;
}
