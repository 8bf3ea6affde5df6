package io.vidscore.analysis;

import java.util.ArrayList;
import java.util.List;

/** The shots between cuts and their descriptors (see {@link Segment} and {@link Mood}). */
final class Segments {
    /** A visible event: a peak of the motion-reversal/flash strength at least this high (as {@link VisualTempo#MIN_EVENT}). */
    static final double ONSET_PEAK = VisualTempo.MIN_EVENT;
    /** Peaks closer than this are one event. */
    static final double MIN_PEAK_GAP_S = 0.1;

    private Segments() {
    }

    static List<Segment> describe(FrameSeries series, double[] cuts, double fps, double durationS) {
        int n = series.size();
        float[] diff = series.diff();
        float[] brightness = series.brightness();
        float[] saturation = series.saturation();
        float[] warmth = series.warmth();
        float[] complexity = series.complexity();
        float[] events = series.extremum();
        List<Segment> out = new ArrayList<>();
        int from = 0;
        double fromS = 0;
        for (int i = 0; i <= cuts.length; i++) {
            double toS = i < cuts.length ? cuts[i] : Math.max(durationS, n / fps);
            int to = i < cuts.length ? Math.min(n, (int) Math.round(cuts[i] * fps)) : n;
            if (to > from) {
                // The cut frame itself belongs to no motion: its difference is the cut, not the shot's energy.
                double e = Math.min(1, mean(diff, from + 1, to) / VisualAnalyzer.FULL_ENERGY);
                double pace = peaks(events, from + 1, to, fps) / Math.max(1 / fps, (to - from) / fps);
                double b = mean(brightness, from, to);
                double s = mean(saturation, from, to);
                double w = mean(warmth, from, to);
                double c = Math.min(1, mean(complexity, from, to) / VisualAnalyzer.FULL_COMPLEXITY);
                out.add(new Segment(round(fromS), round(toS), round(e), round(pace), round(b), round(w), round(s), round(c),
                        round(Mood.valence(b, s, w)), round(Mood.arousal(e, pace, s, b))));
            }
            from = to;
            fromS = toS;
        }
        return out;
    }

    private static int peaks(float[] env, int from, int to, double fps) {
        int count = 0;
        int gap = (int) Math.max(1, Math.round(MIN_PEAK_GAP_S * fps));
        int last = -gap;
        for (int t = Math.max(1, from); t < Math.min(to, env.length - 1); t++) {
            if (env[t] >= ONSET_PEAK && env[t] > env[t - 1] && env[t] >= env[t + 1] && t - last >= gap) {
                count++;
                last = t;
            }
        }
        return count;
    }

    private static double mean(float[] v, int from, int to) {
        double s = 0;
        int k = 0;
        for (int i = Math.max(0, from); i < Math.min(to, v.length); i++) {
            s += v[i];
            k++;
        }
        return k == 0 ? 0 : s / k;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
