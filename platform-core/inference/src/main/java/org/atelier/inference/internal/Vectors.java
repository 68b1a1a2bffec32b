package org.atelier.inference.internal;

/** Arithmetic on embedding vectors, for the model, its commands and its tests. */
public final class Vectors {

    private Vectors() {
    }

    /** Scales a vector to unit length, in place; a zero vector stays zero. */
    public static void normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
    }

    /** @return the cosine similarity of two vectors of equal length */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
