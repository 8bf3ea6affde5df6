package io.vidscore.rhythm;

import java.util.Objects;

/**
 * Dynamic-programming beat tracker after Ellis (2007), "Beat Tracking by Dynamic Programming".
 *
 * <p>Each envelope frame gets a local score (the onset envelope divided by its standard deviation,
 * smoothed by a Gaussian of width period/32). The cumulative score of a beat at frame t is its local
 * score plus the best cumulative score of a previous beat between t − 2P and t − P/2, minus a
 * log-Gaussian transition penalty {@code TIGHTNESS · log((t − τ)/P)²}. Backtracking from the last
 * strong maximum of the cumulative score yields the beat sequence that best balances landing on onsets
 * against keeping a steady period P. Unlike the reference implementation the period is not rounded to a
 * whole frame (at a 30 Hz frame rate rounding alone would be a 4% tempo error).
 *
 * <p>Beats are then trimmed at both ends where the (Hann-smoothed) local score at the beats falls below
 * half its RMS — silence or a fade is not given invented beats — and each beat time is refined to
 * sub-frame precision by parabolic interpolation of the local score.
 */
public final class BeatTracker {
    /** Ellis' tightness: how strongly the tracker resists deviating from the given period. */
    public static final double TIGHTNESS = 100;

    private BeatTracker() {
    }

    /** Beat times in seconds, ascending; empty when the envelope is empty or carries no onsets at all. */
    public static double[] track(float[] onsetEnvelope, double rateHz, double bpm) {
        Objects.requireNonNull(onsetEnvelope, "onsetEnvelope");
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be positive, got " + rateHz);
        }
        if (!(bpm > 0) || Double.isInfinite(bpm)) {
            throw new IllegalArgumentException("bpm must be positive, got " + bpm);
        }
        int n = onsetEnvelope.length;
        double period = 60 * rateHz / bpm;
        if (n < 2 || period < 1) {
            return new double[0];
        }
        double[] local = localScore(onsetEnvelope, period);
        if (local == null) {
            return new double[0];
        }
        int[] backlink = new int[n];
        double[] cumulative = new double[n];
        dynamicProgramme(local, period, backlink, cumulative);

        int last = lastBeat(cumulative);
        int count = 1;
        for (int b = last; backlink[b] >= 0; b = backlink[b]) {
            count++;
        }
        int[] beats = new int[count];
        for (int b = last, i = count - 1; i >= 0; b = backlink[b], i--) {
            beats[i] = b;
        }
        return trimmedTimes(local, beats, rateHz);
    }

    /** Onsets / std, convolved with a Gaussian of σ = period/32 over ±period; null for a flat envelope. */
    private static double[] localScore(float[] env, double period) {
        int n = env.length;
        double mean = 0;
        for (float v : env) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (float v : env) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / (n - 1));
        if (!(std > 1e-12)) {
            return null;
        }
        int radius = (int) Math.round(period);
        double[] kernel = new double[2 * radius + 1];
        for (int j = -radius; j <= radius; j++) {
            double z = j * 32.0 / period;
            kernel[j + radius] = Math.exp(-0.5 * z * z);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int from = Math.max(-radius, -i);
            int to = Math.min(radius, n - 1 - i);
            for (int j = from; j <= to; j++) {
                s += kernel[j + radius] * env[i + j];
            }
            out[i] = s / std;
        }
        return out;
    }

    private static void dynamicProgramme(double[] local, double period, int[] backlink, double[] cumulative) {
        int n = local.length;
        int farthest = (int) Math.round(2 * period);
        int nearest = Math.max(1, (int) Math.round(period / 2));
        double[] penalty = new double[farthest + 1];
        for (int d = nearest; d <= farthest; d++) {
            double l = Math.log(d / period);
            penalty[d] = -TIGHTNESS * l * l;
        }
        double maxLocal = Double.NEGATIVE_INFINITY;
        for (double v : local) {
            maxLocal = Math.max(maxLocal, v);
        }
        boolean firstBeat = true;
        for (int i = 0; i < n; i++) {
            // A predecessor before the start of the envelope is allowed (score 0): the first beat needs none.
            double best = Double.NEGATIVE_INFINITY;
            int bestPrev = -1;
            for (int d = nearest; d <= farthest; d++) {
                int prev = i - d;
                double candidate = penalty[d] + (prev >= 0 ? cumulative[prev] : 0);
                if (candidate > best) {
                    best = candidate;
                    bestPrev = prev;
                }
            }
            cumulative[i] = local[i] + best;
            // Until the first real onset, frames start a chain instead of linking back into silence.
            if (firstBeat && local[i] < 0.01 * maxLocal) {
                backlink[i] = -1;
            } else {
                backlink[i] = bestPrev;
                firstBeat = false;
            }
        }
    }

    /** Last local maximum of the cumulative score that exceeds half the median of all its local maxima. */
    private static int lastBeat(double[] cumulative) {
        int n = cumulative.length;
        double[] maxima = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (isLocalMax(cumulative, i)) {
                maxima[count++] = cumulative[i];
            }
        }
        if (count == 0) {
            return n - 1;
        }
        double[] sorted = java.util.Arrays.copyOf(maxima, count);
        java.util.Arrays.sort(sorted);
        double median = count % 2 == 1 ? sorted[count / 2] : 0.5 * (sorted[count / 2 - 1] + sorted[count / 2]);
        for (int i = n - 1; i >= 0; i--) {
            if (isLocalMax(cumulative, i) && 2 * cumulative[i] > median) {
                return i;
            }
        }
        return n - 1;
    }

    private static boolean isLocalMax(double[] x, int i) {
        boolean left = i == 0 || x[i] > x[i - 1];
        boolean right = i == x.length - 1 || x[i] >= x[i + 1];
        return left && right;
    }

    private static double[] trimmedTimes(double[] local, int[] beats, double rateHz) {
        int m = beats.length;
        double[] atBeats = new double[m];
        for (int i = 0; i < m; i++) {
            atBeats[i] = local[beats[i]];
        }
        // Hann(5) smoothing of the score at the beats, as in librosa's trim: one weak beat is not an ending.
        double[] hann = {0.0, 0.5, 1.0, 0.5, 0.0};
        double[] smooth = new double[m];
        double sumSquares = 0;
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = -2; j <= 2; j++) {
                int k = i + j;
                if (k >= 0 && k < m) {
                    s += hann[j + 2] * atBeats[k];
                }
            }
            smooth[i] = s;
            sumSquares += s * s;
        }
        double threshold = 0.5 * Math.sqrt(sumSquares / m);
        int first = 0;
        while (first < m && smooth[first] <= threshold) {
            first++;
        }
        int last = m - 1;
        while (last >= first && smooth[last] <= threshold) {
            last--;
        }
        double[] times = new double[Math.max(0, last - first + 1)];
        for (int i = first; i <= last; i++) {
            times[i - first] = refined(local, beats[i]) / rateHz;
        }
        return times;
    }

    /** Sub-frame position of the local-score peak at frame i (parabolic interpolation, at most ±0.5 frame). */
    private static double refined(double[] local, int i) {
        if (i <= 0 || i >= local.length - 1) {
            return i;
        }
        double y0 = local[i - 1];
        double y1 = local[i];
        double y2 = local[i + 1];
        double curvature = y0 - 2 * y1 + y2;
        if (curvature >= 0 || y1 < y0 || y1 < y2) {
            return i;
        }
        return i + Math.max(-0.5, Math.min(0.5, 0.5 * (y0 - y2) / curvature));
    }
}
