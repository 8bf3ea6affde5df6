package io.vidscore.rhythm;

/**
 * Beat-tracking scores in the style of mir_eval: estimated and reference beats are paired one-to-one,
 * a pair counting only when the two lie within ±tolerance of each other.
 *
 * <p>Matching: both lists are sorted, then each reference beat (in time order) takes the earliest
 * still-unused estimate inside its window. Because every window has the same width, windows are
 * ordered identically by start and end, and this greedy sweep yields a maximum-cardinality matching,
 * i.e. the same match count as mir_eval's bipartite matching.
 */
public final class BeatMetrics {
    private BeatMetrics() {
    }

    /** Harmonic mean of precision and recall; 1.0 when both lists are empty, 0.0 when exactly one is. */
    public static double fMeasure(double[] reference, double[] estimated, double toleranceS) {
        if (reference.length == 0 && estimated.length == 0) {
            return 1.0;
        }
        if (reference.length == 0 || estimated.length == 0) {
            return 0.0;
        }
        int matched = match(reference, estimated, toleranceS).count;
        if (matched == 0) {
            return 0.0;
        }
        double precision = (double) matched / estimated.length;
        double recall = (double) matched / reference.length;
        return 2 * precision * recall / (precision + recall);
    }

    /** Fraction of reference beats that found a partner; 1.0 for an empty reference (nothing could be missed). */
    public static double hitRate(double[] reference, double[] estimated, double toleranceS) {
        if (reference.length == 0) {
            return 1.0;
        }
        return (double) match(reference, estimated, toleranceS).count / reference.length;
    }

    /** Mean of (estimated − reference) over matched pairs, in seconds; 0 when nothing matched. Positive = late. */
    public static double meanOffsetS(double[] reference, double[] estimated, double toleranceS) {
        Matching m = match(reference, estimated, toleranceS);
        return m.count == 0 ? 0.0 : m.offsetSum / m.count;
    }

    private record Matching(int count, double offsetSum) {
    }

    private static Matching match(double[] reference, double[] estimated, double toleranceS) {
        if (!(toleranceS >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + toleranceS);
        }
        double[] ref = reference.clone();
        double[] est = estimated.clone();
        java.util.Arrays.sort(ref);
        java.util.Arrays.sort(est);
        // A nanosecond of slack so that hand-written times (1.07 vs 1.0 at ±0.07) are not lost to rounding.
        double tol = toleranceS + 1e-9;
        int count = 0;
        double offsetSum = 0;
        int next = 0; // first estimate not yet used and not yet too early for later references
        for (double r : ref) {
            while (next < est.length && est[next] < r - tol) {
                next++;
            }
            if (next < est.length && est[next] <= r + tol) {
                offsetSum += est[next] - r;
                count++;
                next++;
            }
        }
        return new Matching(count, offsetSum);
    }
}
