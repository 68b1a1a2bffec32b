/** Generative design for the industrial vertical: topology optimisation (SIMP) and its artifacts. Not exported. */
package org.atelier.industrial.design;
