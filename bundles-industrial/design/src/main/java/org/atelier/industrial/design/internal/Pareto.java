package org.atelier.industrial.design.internal;

/** Non-dominated sorting of designs on two objectives, both to be small: volume (mass) and compliance. */
final class Pareto {

    private Pareto() {
    }

    /**
     * @return the front of each design: 1 for the Pareto front (no other design is at least as light and as stiff and
     *         better in one), 2 for the front once those are taken away, and so on
     */
    static int[] fronts(double[] volume, double[] compliance) {
        int n = volume.length;
        int[] front = new int[n];
        int assigned = 0;
        for (int rank = 1; assigned < n; rank++) {
            int[] now = new int[n];
            for (int i = 0; i < n; i++) {
                if (front[i] != 0) {
                    continue;
                }
                boolean dominated = false;
                for (int j = 0; j < n && !dominated; j++) {
                    dominated = j != i && (front[j] == 0 || front[j] == rank) && dominates(volume, compliance, j, i);
                }
                if (!dominated) {
                    now[i] = rank;
                }
            }
            for (int i = 0; i < n; i++) {
                if (now[i] != 0) {
                    front[i] = now[i];
                    assigned++;
                }
            }
        }
        return front;
    }

    private static boolean dominates(double[] v, double[] c, int a, int b) {
        return v[a] <= v[b] && c[a] <= c[b] && (v[a] < v[b] || c[a] < c[b]);
    }
}
