package io.vidscore.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Hard cuts from the per-frame series. A frame starts a new shot when either
 * <ul>
 * <li>its grey histogram moved by at least {@value #HIST_DISTANCE} of its mass from the previous frame's,
 *     its plain frame difference is {@value #HIST_SPIKE_RATIO} times that of the frames around it (early
 *     in a fade from black every step moves the histogram a lot, but all steps alike) and the old picture
 *     did not come back within {@value #RETURN_WINDOW_S} s (a flash changes the histogram too, but the
 *     old picture returns), or</li>
 * <li>its structure changed in one step: the brightness-compensated frame difference is at least
 *     {@value #STRUCTURAL_MIN} and {@value #SPIKE_RATIO} times that of the frames around it (motion,
 *     however fast, changes the picture over several frames alike; a cut changes it in one), while the
 *     mean brightness moved less than the structure did (a flash is mostly a brightness jump). This
 *     finds cuts between shots of the same colours, which the histogram cannot see.</li>
 * </ul>
 * Gradual transitions (fades, cross-dissolves) change every frame a little and are neither.
 */
final class CutDetector {
    static final double HIST_DISTANCE = 0.5;
    static final double RETURN_WINDOW_S = 0.4;
    static final double RETURN_DISTANCE = 0.35;
    static final double STRUCTURAL_MIN = 0.025;
    static final double SPIKE_RATIO = 3.0;
    /** A histogram cut must also be a spike of the plain frame difference, which a fade (many equal steps) is not. */
    static final double HIST_SPIKE_RATIO = 1.5;
    /** A brightness jump this many times the structural change is a flash unless the old picture stays away. */
    static final double FLASH_RATIO = 3.0;
    /** Neighbours on each side that the structural spike is compared with. */
    static final int SPIKE_NEIGHBOURS = 3;
    static final double MIN_GAP_S = 0.25;

    private final FrameSeries series;
    private final double fps;

    CutDetector(FrameSeries series, double fps) {
        this.series = series;
        this.fps = fps;
    }

    double[] detect() {
        int n = series.size();
        float[] structural = series.structural();
        float[] diff = series.diff();
        float[] grey = series.meanGrey();
        double[] hist = new double[n];
        for (int t = 1; t < n; t++) {
            hist[t] = series.histDistance(t - 1, t);
        }
        List<Double> cuts = new ArrayList<>();
        for (int t = 1; t < n; t++) {
            boolean histCut = hist[t] >= HIST_DISTANCE && hist[t] > hist[t - 1] && (t + 1 >= n || hist[t] >= hist[t + 1])
                    && diff[t] >= HIST_SPIKE_RATIO * neighbourMax(diff, t) && !pictureReturns(t);
            boolean structuralCut = structural[t] >= STRUCTURAL_MIN
                    && structural[t] >= SPIKE_RATIO * neighbourMax(structural, t)
                    && (Math.abs(grey[t] - grey[t - 1]) < FLASH_RATIO * structural[t] || !pictureReturns(t));
            if (!histCut && !structuralCut) {
                continue;
            }
            double time = t / fps;
            if (cuts.isEmpty() || time - cuts.get(cuts.size() - 1) > MIN_GAP_S) {
                cuts.add(time);
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double neighbourMax(float[] v, int t) {
        double max = 0;
        for (int k = 1; k <= SPIKE_NEIGHBOURS; k++) {
            if (t - k >= 1) {
                max = Math.max(max, v[t - k]);
            }
            if (t + k < v.length) {
                max = Math.max(max, v[t + k]);
            }
        }
        return max;
    }

    /** Whether a picture from just before t (a flash may already be rising at t-1) comes back soon after t. */
    private boolean pictureReturns(int t) {
        int n = series.size();
        int window = (int) Math.ceil(RETURN_WINDOW_S * fps);
        int last = Math.min(n - 1, t + window);
        for (int before = Math.max(0, t - 1 - window / 2); before < t; before++) {
            for (int u = t + 1; u <= last; u++) {
                if (series.histDistance(before, u) < RETURN_DISTANCE) {
                    return true;
                }
            }
        }
        return false;
    }
}
