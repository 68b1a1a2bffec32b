package org.atelier.industrial.design.internal.solver;

/** The update: top88's optimality criteria (bisection on the volume multiplier) or Svanberg's MMA. */
public enum OptimizerType {
    OC, MMA
}
