package io.vidscore.rhythm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Global tempo of an onset envelope (audio spectral flux, or visual motion energy), 60–180 BPM.
 *
 * <p>Method: the envelope is mean-removed, half-wave rectified and lightly smoothed (Gaussian,
 * σ = 20 ms, so that a few ms of timing jitter and the quantisation of a 30 Hz frame rate do not split
 * autocorrelation peaks); its unbiased autocorrelation {@code a(L)} is then searched for the beat period.
 *
 * <p>Octave-ambiguity policy (the autocorrelation of a beat at period P also peaks at 2P, 3P ...,
 * and eighth notes put energy at P/2):
 * <ol>
 * <li>Pick the local autocorrelation maximum in the 60–180 BPM lag range that maximises
 *     {@code a(L) · prior(L)}, the prior being log-normal in BPM, centred on {@value #PRIOR_BPM} BPM
 *     with σ = {@value #PRIOR_OCTAVES} octave.</li>
 * <li>Faster candidates (2x, 3x and 1.5x the tempo) replace the pick when their own peak is at least
 *     {@value #FASTER_RATIO} of the pick's: a periodicity that strong at a shorter lag means the pick was
 *     only a multiple of it.</li>
 * <li>Otherwise the slower candidate (0.5x) replaces it only when its peak is {@value #SLOWER_RATIO}x
 *     stronger (the pick was an off-beat subdivision).</li>
 * </ol>
 * The period is then refined to sub-lag precision by parabolic interpolation of the peaks at 1..4 times
 * the period and a least-squares fit through the origin, which keeps the error well under 1% even at
 * 30 Hz where one lag step is 6% of a 170 BPM period.
 *
 * <p>Confidence = mean prominence of the peaks at P, 2P, 3P (those that fit in the envelope), each
 * measured as {@code (a(kP) − median) / (a(0) − median)} with the median of {@code a} over the search
 * range as the noise baseline. An envelope is called rhythmic when it lasts at least
 * {@value #MIN_SECONDS} s (four beats at the slowest tempo), is not flat, and has confidence ≥
 * {@link #rhythmicThreshold(double) max(0.2, 1/√duration_s)}. Chance peaks in a short envelope are
 * high (the autocorrelation of noise fluctuates as 1/√samples), so the bar rises for short inputs: over
 * 200 white-noise envelopes per length the highest confidence was 0.39 at 4 s, 0.30 at 6 s, 0.24 at
 * 10 s and 0.06 at 60 s, against thresholds 0.50, 0.41, 0.32 and 0.20. Clean beat trains score near 1,
 * jittered ones in noise about 0.6–0.8.
 *
 * <p>Cost: the autocorrelation is computed directly up to 4 s of lag, about 4·rate multiply-adds per
 * envelope sample (24 M for 10 minutes at 100 Hz, a few tens of ms).
 */
public final class TempoEstimator {
    public static final double MIN_BPM = 60;
    public static final double MAX_BPM = 180;
    public static final double MIN_SECONDS = 4.0;
    public static final double RHYTHMIC_CONFIDENCE_FLOOR = 0.2;
    static final double PRIOR_BPM = 115;
    static final double PRIOR_OCTAVES = 1.0;
    static final double FASTER_RATIO = 0.8;
    static final double SLOWER_RATIO = 1.5;
    private static final double SMOOTHING_S = 0.02;
    private static final int MAX_MULTIPLE = 4;

    private TempoEstimator() {
    }

    public static TempoEstimate estimate(float[] onsetEnvelope, double rateHz) {
        Objects.requireNonNull(onsetEnvelope, "onsetEnvelope");
        if (!(rateHz > 0) || Double.isInfinite(rateHz)) {
            throw new IllegalArgumentException("rateHz must be positive, got " + rateHz);
        }
        int n = onsetEnvelope.length;
        double minLag = 60 * rateHz / MAX_BPM;
        double maxLag = 60 * rateHz / MIN_BPM;
        if (n < MIN_SECONDS * rateHz || maxLag < 2) {
            return new TempoEstimate(PRIOR_BPM, 0, false);
        }
        double[] x = rectifiedSmoothed(onsetEnvelope, rateHz);
        if (x == null) {
            return new TempoEstimate(PRIOR_BPM, 0, false);
        }
        int maxLagComputed = (int) Math.min(n / 2, Math.ceil(MAX_MULTIPLE * maxLag) + 2);
        double[] a = autocorrelation(x, maxLagComputed);
        if (!(a[0] > 0)) {
            return new TempoEstimate(PRIOR_BPM, 0, false);
        }
        int lo = Math.max(1, (int) Math.floor(minLag) - 1);
        int hi = Math.min(maxLagComputed - 1, (int) Math.ceil(maxLag) + 1);

        double period = bestPriorWeightedPeak(a, lo, hi, rateHz);
        if (period < 0) {
            return new TempoEstimate(PRIOR_BPM, 0, false);
        }
        period = resolveOctave(a, period, minLag, maxLag);
        period = refineWithMultiples(a, period);
        double bpm = clamp(60 * rateHz / period, MIN_BPM, MAX_BPM);

        double confidence = confidence(a, 60 * rateHz / bpm, (int) Math.ceil(minLag), (int) Math.floor(maxLag));
        boolean rhythmic = confidence >= rhythmicThreshold(n / rateHz);
        return new TempoEstimate(bpm, confidence, rhythmic);
    }

    /** Confidence an envelope of this length needs to count as rhythmic (see the class comment). */
    public static double rhythmicThreshold(double durationS) {
        return Math.max(RHYTHMIC_CONFIDENCE_FLOOR, 1 / Math.sqrt(durationS));
    }

    /** Mean-removed, half-wave rectified, Gaussian-smoothed copy; null when the envelope is flat. */
    private static double[] rectifiedSmoothed(float[] env, double rateHz) {
        int n = env.length;
        double mean = 0;
        for (float v : env) {
            mean += v;
        }
        mean /= n;
        double[] rect = new double[n];
        double peak = 0;
        for (int i = 0; i < n; i++) {
            double v = env[i] - mean;
            rect[i] = v > 0 ? v : 0;
            peak = Math.max(peak, rect[i]);
        }
        if (!(peak > 1e-9 * (1 + Math.abs(mean)))) {
            return null;
        }
        double sigma = SMOOTHING_S * rateHz;
        if (sigma < 0.3) {
            return rect;
        }
        int radius = (int) Math.ceil(3 * sigma);
        double[] kernel = new double[2 * radius + 1];
        for (int j = -radius; j <= radius; j++) {
            kernel[j + radius] = Math.exp(-0.5 * (j / sigma) * (j / sigma));
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            int from = Math.max(-radius, -i);
            int to = Math.min(radius, n - 1 - i);
            for (int j = from; j <= to; j++) {
                s += kernel[j + radius] * rect[i + j];
            }
            out[i] = s;
        }
        return out;
    }

    /** Unbiased autocorrelation a(L) = Σ x[i]x[i+L] / (n−L), so a periodic train keeps equal peaks at P, 2P, .... */
    private static double[] autocorrelation(double[] x, int maxLag) {
        int n = x.length;
        double[] a = new double[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double s = 0;
            for (int i = 0, j = lag; j < n; i++, j++) {
                s += x[i] * x[j];
            }
            a[lag] = s / (n - lag);
        }
        return a;
    }

    private static double prior(double bpm) {
        double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2);
        return Math.exp(-0.5 * (octaves / PRIOR_OCTAVES) * (octaves / PRIOR_OCTAVES));
    }

    /** Lag (interpolated) of the local maximum with the best prior-weighted height, or −1 if there is none. */
    private static double bestPriorWeightedPeak(double[] a, int lo, int hi, double rateHz) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = Math.max(lo, 1); lag <= hi; lag++) {
            if (a[lag] > a[lag - 1] && a[lag] >= a[lag + 1]) {
                double score = a[lag] * prior(60 * rateHz / lag);
                if (score > bestScore) {
                    bestScore = score;
                    best = lag;
                }
            }
        }
        return best < 0 ? -1 : interpolatedPeakLag(a, best);
    }

    private static double resolveOctave(double[] a, double period, double minLag, double maxLag) {
        double pickHeight = peakNear(a, period)[1];
        double[] faster = {period / 2, period / 3, period * 2 / 3};
        for (double candidate : faster) {
            if (candidate >= minLag * 0.98 && candidate <= maxLag * 1.02) {
                double[] peak = peakNear(a, candidate);
                if (peak[1] >= FASTER_RATIO * pickHeight) {
                    return peak[0];
                }
            }
        }
        double slower = period * 2;
        if (slower <= maxLag * 1.02 && slower < a.length - 1) {
            double[] peak = peakNear(a, slower);
            if (peak[1] >= SLOWER_RATIO * pickHeight) {
                return peak[0];
            }
        }
        return period;
    }

    /** Least-squares period through the interpolated peaks at k·P (k = 1..4) that are still clearly present. */
    private static double refineWithMultiples(double[] a, double period) {
        double[] first = peakNear(a, period);
        double num = first[0];
        double den = 1;
        for (int k = 2; k <= MAX_MULTIPLE; k++) {
            double target = k * period;
            if (target + 2 + 0.05 * period >= a.length - 1) {
                break;
            }
            double[] peak = peakNear(a, target, 1 + 0.05 * period);
            if (peak[1] < 0.5 * first[1]) {
                continue;
            }
            num += k * peak[0];
            den += k * k;
        }
        return num / den;
    }

    private static double confidence(double[] a, double period, int lo, int hi) {
        lo = Math.max(1, lo);
        hi = Math.min(hi, a.length - 1);
        double[] range = Arrays.copyOfRange(a, lo, hi + 1);
        Arrays.sort(range);
        double baseline = range[range.length / 2];
        double denominator = a[0] - baseline;
        if (!(denominator > 0)) {
            return 0;
        }
        double sum = 0;
        int count = 0;
        for (int k = 1; k <= 3; k++) {
            double target = k * period;
            if (k > 1 && target + 2 + 0.05 * period >= a.length - 1) {
                break;
            }
            double[] peak = peakNear(a, target, 1 + 0.05 * period);
            sum += clamp((peak[1] - baseline) / denominator, 0, 1);
            count++;
        }
        return clamp(sum / count, 0, 1);
    }

    private static double[] peakNear(double[] a, double lag) {
        return peakNear(a, lag, Math.max(1, 0.05 * lag));
    }

    /** {interpolated lag, interpolated height} of the largest value of a within ±halfWidth of lag. */
    private static double[] peakNear(double[] a, double lag, double halfWidth) {
        int from = Math.max(1, (int) Math.floor(lag - halfWidth));
        int to = Math.min(a.length - 2, (int) Math.ceil(lag + halfWidth));
        if (from > to) {
            int i = (int) clamp(Math.round(lag), 0, a.length - 1);
            return new double[] {i, a[i]};
        }
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        double y0 = a[best - 1];
        double y1 = a[best];
        double y2 = a[best + 1];
        double curvature = y0 - 2 * y1 + y2;
        if (curvature >= 0) {
            return new double[] {best, y1};
        }
        double delta = clamp(0.5 * (y0 - y2) / curvature, -0.5, 0.5);
        return new double[] {best + delta, y1 - 0.25 * (y0 - y2) * delta};
    }

    private static double interpolatedPeakLag(double[] a, int lag) {
        return peakNear(a, lag, 0)[0];
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
