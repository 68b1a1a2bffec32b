/**
 * Numerical core of density-based topology optimisation: minimum compliance under a volume constraint with SIMP,
 * 2D plane stress on bilinear quadrilaterals and 3D on 8-node hexahedra, on a structured grid of unit elements.
 *
 * <p>Entry point: {@link org.atelier.industrial.design.internal.solver.TopologyOptimizer#run}. Plain Java, no OSGi;
 * not exported. Numbering follows top88 (Andreassen et al. 2011): element {@code e = ely + elx*nely
 * (+ elz*nelx*nely)}, node {@code n = y + x*(nely+1) (+ z*(nelx+1)*(nely+1))}, rows {@code y} counted from the top,
 * dofs {@code d*n + component}; a force's y component points up (the MBB load is {@code fy = -1}).
 */
package org.atelier.industrial.design.internal.solver;
