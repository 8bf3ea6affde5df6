package io.vidscore.neural.musicgen;

import java.util.SplittableRandom;

/**
 * Picks the next code from guided scores: greedy when {@code topK ≤ 1}, else temperature-scaled softmax over the
 * {@code topK} best scores and one draw from a seeded generator — the same seed gives the same codes, bit for bit.
 */
final class TokenSampler {
    private final int topK;
    private final double temperature;
    private final SplittableRandom random;

    TokenSampler(int topK, double temperature, long seed) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        }
        this.topK = topK;
        this.temperature = temperature;
        this.random = new SplittableRandom(seed);
    }

    int pick(float[] scores) {
        if (topK <= 1) {
            return argmax(scores);
        }
        int k = Math.min(topK, scores.length);
        int[] best = topIndices(scores, k);
        double max = scores[best[0]];
        double[] p = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp((scores[best[i]] - max) / temperature);
            sum += p[i];
        }
        double u = random.nextDouble() * sum;
        for (int i = 0; i < k; i++) {
            u -= p[i];
            if (u < 0) {
                return best[i];
            }
        }
        return best[k - 1];
    }

    static int argmax(float[] scores) {
        int best = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Indices of the k largest scores, best first; ties keep the lower index first (a total, stable order). */
    static int[] topIndices(float[] scores, int k) {
        int[] heap = new int[k]; // min-heap by (score, -index)
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, scores);
            } else if (worse(heap[0], i, scores)) {
                heap[0] = i;
                siftDown(heap, k, scores);
            }
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = heap[i];
        }
        java.util.Arrays.sort(order, (a, b) -> worse(a, b, scores) ? 1 : worse(b, a, scores) ? -1 : 0);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** a ranks below b. */
    private static boolean worse(int a, int b, float[] s) {
        return s[a] < s[b] || s[a] == s[b] && a > b;
    }

    private static void siftUp(int[] h, int i, float[] s) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!worse(h[i], h[parent], s)) {
                return;
            }
            int t = h[i];
            h[i] = h[parent];
            h[parent] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] h, int n, float[] s) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < n && worse(h[l], h[m], s)) {
                m = l;
            }
            if (r < n && worse(h[r], h[m], s)) {
                m = r;
            }
            if (m == i) {
                return;
            }
            int t = h[i];
            h[i] = h[m];
            h[m] = t;
            i = m;
        }
    }
}
