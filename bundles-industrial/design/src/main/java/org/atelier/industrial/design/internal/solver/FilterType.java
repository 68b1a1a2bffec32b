package org.atelier.industrial.design.internal.solver;

/** top88's filters: {@code SENSITIVITY} is ft = 1, {@code DENSITY} ft = 2, {@code HEAVISIDE} ft = 3 (beta continuation). */
public enum FilterType {
    SENSITIVITY, DENSITY, HEAVISIDE
}
