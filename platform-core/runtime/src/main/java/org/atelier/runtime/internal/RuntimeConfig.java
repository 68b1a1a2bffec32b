package org.atelier.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Tunables of the runtime, PID {@code org.atelier.runtime} ({@code etc/org.atelier.runtime.cfg}). */
@ObjectClassDefinition(name = "Atelier runtime", description = "Generator registry, limits and artifact storage")
public @interface RuntimeConfig {

    /** The PID. */
    String PID = "org.atelier.runtime";

    @AttributeDefinition(description = "Calls of one generator that may run at once; a generator may ask for fewer")
    int maxConcurrentPerGenerator() default 4;

    @AttributeDefinition(description = "Largest request body in bytes; a generator may ask for less")
    long maxInputBytes() default 1_048_576L;

    @AttributeDefinition(description = "Seconds a generator that left keeps answering 503 (it may be updating) before it is unknown (404)")
    int departedGraceSeconds() default 10;

    @AttributeDefinition(description = "Seconds a leaving generator's running calls may take to finish before it is let go")
    int drainTimeoutSeconds() default 30;

    @AttributeDefinition(description = "Jobs of one long-running generator that may wait for a worker; beyond it 429")
    int maxQueuedPerGenerator() default 16;

    @AttributeDefinition(description = "Finished jobs kept in the database with their artifacts (the oldest go first)")
    int maxJobsKept() default 10_000;

    @AttributeDefinition(description = "Days a finished job and its artifacts are kept; 0 keeps them whatever their age")
    int retentionDays() default 30;

    @AttributeDefinition(description = "Total bytes of artifact files kept; beyond it the oldest finished jobs go with "
            + "their artifacts; 0 for no limit")
    long maxArtifactBytes() default 10L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Seconds between two retention sweeps")
    int retentionSweepSeconds() default 300;

    @AttributeDefinition(description = "Directory of stored artifacts; empty for ${karaf.data}/atelier/artifacts")
    String artifactsDir() default "";

    @AttributeDefinition(description = "ContentProducer of the AIGC label: the name or code of the service provider")
    String aigcContentProducer() default "atelier";

    @AttributeDefinition(description = "Add a perceivable AIGC label (text line, visible mark, audio cue) where the "
            + "format allows one")
    boolean aigcExplicit() default true;

    @AttributeDefinition(description = "Generators (vertical/id, comma-separated) whose artifacts get no perceivable "
            + "label, e.g. live AAC speech where a person speaks through the device")
    String aigcExplicitOff() default "";

    @AttributeDefinition(description = "Most bytes the structured details of one progress report may take as JSON")
    int maxProgressDetailsBytes() default 4096;

    @AttributeDefinition(description = "How deep sub-jobs may nest (a generator that runs a generator that runs …); "
            + "beyond it runGenerator refuses with 422")
    int maxSubJobDepth() default 4;

    @AttributeDefinition(description = "Seconds /api/v1/health/ready waits for the database to answer before it "
            + "reports it as failing (503)")
    int databaseProbeSeconds() default 2;
}
