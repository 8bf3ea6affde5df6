package io.vidscore.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradual transitions — fades through black and cross-dissolves — from the per-frame series.
 *
 * <p>During a fade or dissolve every pixel moves steadily from its old value to its new one, so over
 * half a second the frame-to-frame differences add up: the long-range difference |f(t) − f(t−L)| is
 * almost the sum of the L single-step differences (the path is straight). Motion moves texture across
 * pixels, which go up and down, so the long-range difference is much smaller than the path. A frame
 * ends a straight stretch when straightness ≥ {@value #STRAIGHTNESS}, the picture really changed
 * (long-range difference ≥ {@value #MIN_CHANGE}) and its tones changed (histogram distance ≥
 * {@value #MIN_TONE_CHANGE}, which a pan over the same scene does not produce), the change is spread
 * over many frames (no single step carries more than {@value #EVENNESS} of it: a flash decays in a few
 * big steps) and there is no cut inside.
 * Stretches are merged; the part of one before black is a fade out, the part after black a fade in,
 * and one that never reaches black a dissolve.
 */
final class FadeDetector {
    static final double STRAIGHTNESS = 0.7;
    static final double MIN_CHANGE = 0.03;
    static final double MIN_TONE_CHANGE = 0.15;
    static final double BLACK = 0.06;
    /** No single step may carry more than this share of the change: a flash decays in a few big steps, a fade in many small ones. */
    static final double EVENNESS = 0.25;

    private final FrameSeries series;
    private final double fps;

    FadeDetector(FrameSeries series, double fps) {
        this.series = series;
        this.fps = fps;
    }

    List<Fade> detect(double[] cuts) {
        int n = series.size();
        int lag = series.longLag();
        float[] diff = series.diff();
        float[] longDiff = series.longDiff();
        float[] brightness = series.brightness();
        boolean[] inside = new boolean[n];
        double path = 0;
        for (int t = 1; t < n; t++) {
            path += diff[t];
            if (t - lag >= 1) {
                path -= diff[t - lag];
            }
            if (t < lag || longDiff[t] < MIN_CHANGE || longDiff[t] < STRAIGHTNESS * path || cutWithin(cuts, t - lag, t)) {
                continue;
            }
            if (series.histDistance(t - lag, t) < MIN_TONE_CHANGE || largestStep(diff, t - lag + 1, t) > EVENNESS * longDiff[t]) {
                continue;
            }
            for (int u = t - lag; u <= t; u++) {
                inside[u] = true;
            }
        }
        List<Fade> fades = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (!inside[t]) {
                continue;
            }
            int start = t;
            while (t + 1 < n && inside[t + 1]) {
                t++;
            }
            addRun(fades, start, t, brightness);
        }
        return fades;
    }

    /** A straight run that passes through black is a fade out followed by a fade in; else one transition. */
    private void addRun(List<Fade> fades, int start, int end, float[] brightness) {
        int firstBlack = -1;
        int lastBlack = -1;
        for (int t = start; t <= end; t++) {
            if (brightness[t] < BLACK) {
                firstBlack = firstBlack < 0 ? t : firstBlack;
                lastBlack = t;
            }
        }
        if (firstBlack < 0) {
            fades.add(new Fade(start / fps, end / fps, Fade.Kind.DISSOLVE));
            return;
        }
        if (firstBlack > start) {
            fades.add(new Fade(start / fps, firstBlack / fps, Fade.Kind.FADE_OUT));
        }
        if (lastBlack < end) {
            fades.add(new Fade(lastBlack / fps, end / fps, Fade.Kind.FADE_IN));
        }
    }

    private static double largestStep(float[] diff, int from, int to) {
        double max = 0;
        for (int i = from; i <= to; i++) {
            max = Math.max(max, diff[i]);
        }
        return max;
    }

    private boolean cutWithin(double[] cuts, int from, int to) {
        for (double c : cuts) {
            int frame = (int) Math.round(c * fps);
            if (frame > from && frame <= to) {
                return true;
            }
        }
        return false;
    }
}
