package io.vidscore.analysis;

import io.vidscore.rhythm.BeatTracker;
import io.vidscore.rhythm.TempoEstimate;
import io.vidscore.rhythm.TempoEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dense visual analysis, fed one small grey frame at a time (it knows nothing of files or decoders).
 *
 * <ul>
 * <li><b>Onset envelope</b>: the rise of frame-difference energy (motion starting, flashes) plus the
 * rise of its change (sudden stops and reversals — impacts), half-wave rectified and normalised.</li>
 * <li><b>Cuts</b>: a large grey-histogram change between neighbouring frames that persists (a flash
 * changes the histogram too, but it comes back within a few frames) and is a local peak.</li>
 * <li><b>Tempo and beats</b>: {@link TempoEstimator} and {@link BeatTracker} on the envelope; a video
 * without rhythm gets no beats and a tempo from its energy (calm → slow).</li>
 * </ul>
 * Memory is a handful of floats per frame plus one 16-bin histogram per frame.
 */
public final class VisualAnalyzer {
    static final int BINS = 16;
    /** Half the histogram mass must move for a cut. */
    static final double CUT_DISTANCE = 0.5;
    /** ...and stay moved: a flash or a passing object brings the old picture back within this time. */
    static final double CUT_RETURN_WINDOW_S = 0.4;
    static final double CUT_PERSIST_DISTANCE = 0.35;
    /** Mean absolute grey difference (0..1) that counts as full motion energy. */
    static final double FULL_ENERGY = 0.08;

    private final double fps;
    private byte[] previous;
    private float previousMotion;
    private final FloatSeries motion = new FloatSeries();
    private final FloatSeries onset = new FloatSeries();
    private final FloatSeries histograms = new FloatSeries();
    private double brightnessSum;
    private double saturationSum;
    private double warmthSum;
    private int frames;

    public VisualAnalyzer(double fps) {
        this.fps = fps;
    }

    /** @param grey a small grey frame, row-major; the same size on every call */
    public void accept(byte[] grey, float brightness, float saturation, float warmth) {
        float diff = 0;
        if (previous != null) {
            long sum = 0;
            for (int i = 0; i < grey.length; i++) {
                sum += Math.abs((grey[i] & 0xff) - (previous[i] & 0xff));
            }
            diff = (float) (sum / (255.0 * grey.length));
        } else {
            previous = new byte[grey.length];
        }
        System.arraycopy(grey, 0, previous, 0, grey.length);
        float rise = Math.max(0, diff - previousMotion);
        float change = Math.abs(diff - previousMotion);
        onset.add(motion.size() == 0 ? 0 : rise + 0.5f * change);
        previousMotion = diff;
        motion.add(diff);

        float[] hist = new float[BINS];
        for (byte b : grey) {
            hist[(b & 0xff) * BINS / 256]++;
        }
        for (float h : hist) {
            histograms.add(h / grey.length);
        }
        brightnessSum += brightness;
        saturationSum += saturation;
        warmthSum += warmth;
        frames++;
    }

    public int frames() {
        return frames;
    }

    public VisualAnalysis finish(double durationS) {
        if (frames == 0) {
            throw new IllegalStateException("no frames analysed");
        }
        double[] cuts = detectCuts();
        float[] envelope = normalise(onset.toArray());
        float[] energy = smoothedEnergy();
        TempoEstimate tempo = frames >= 2 * fps ? TempoEstimator.estimate(envelope, fps) : new TempoEstimate(0, 0, false);
        double[] beats = tempo.rhythmic() ? BeatTracker.track(envelope, fps, tempo.bpm()) : new double[0];
        double bpm = tempo.rhythmic() ? tempo.bpm() : tempoFromEnergy(energy);
        return new VisualAnalysis(durationS, fps, envelope, energy, bpm, tempo.confidence(), tempo.rhythmic(), beats, cuts,
                brightnessSum / frames, saturationSum / frames, warmthSum / frames);
    }

    /** Calm pictures get slow music, busy ones faster: 70 BPM at rest up to 130 BPM at full motion. */
    static double tempoFromEnergy(float[] energy) {
        double mean = 0;
        for (float e : energy) {
            mean += e;
        }
        mean /= Math.max(1, energy.length);
        return Math.round(70 + 60 * Math.min(1, mean));
    }

    private double histDistance(int a, int b) {
        double d = 0;
        for (int k = 0; k < BINS; k++) {
            d += Math.abs(histograms.get(a * BINS + k) - histograms.get(b * BINS + k));
        }
        return d / 2;
    }

    /** Whether a picture from just before t (a flash may already be rising at t-1) comes back soon after t. */
    private boolean pictureReturns(int t) {
        int window = (int) Math.ceil(CUT_RETURN_WINDOW_S * fps);
        int last = Math.min(frames - 1, t + window);
        for (int before = Math.max(0, t - 1 - window / 2); before < t; before++) {
            for (int u = t + 1; u <= last; u++) {
                if (histDistance(before, u) < CUT_PERSIST_DISTANCE) {
                    return true;
                }
            }
        }
        return false;
    }

    private double[] detectCuts() {
        List<Double> cuts = new ArrayList<>();
        double[] d = new double[frames];
        for (int t = 1; t < frames; t++) {
            d[t] = histDistance(t - 1, t);
        }
        for (int t = 1; t < frames; t++) {
            boolean peak = d[t] >= CUT_DISTANCE && (t + 1 >= frames || d[t] >= d[t + 1]) && d[t] > d[t - 1];
            if (!peak) {
                continue;
            }
            if (pictureReturns(t)) {
                continue; // a flash, not a cut
            }
            double time = t / fps;
            if (cuts.isEmpty() || time - cuts.get(cuts.size() - 1) > 0.25) {
                cuts.add(time);
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private float[] smoothedEnergy() {
        float[] m = motion.toArray();
        float[] out = new float[m.length];
        int half = (int) Math.max(1, Math.round(fps / 2));
        double window = 0;
        int lo = 0;
        int hi = -1;
        for (int t = 0; t < m.length; t++) {
            while (hi < Math.min(m.length - 1, t + half)) {
                window += m[++hi];
            }
            while (lo < t - half) {
                window -= m[lo++];
            }
            out[t] = (float) Math.min(1, window / (hi - lo + 1) / FULL_ENERGY);
        }
        return out;
    }

    /** Scales to 0..1 by a high percentile so one spike (a cut) does not flatten everything else. */
    private static float[] normalise(float[] v) {
        if (v.length == 0) {
            return v;
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        float ref = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
        if (ref <= 1e-6f) {
            ref = sorted[sorted.length - 1];
        }
        if (ref <= 1e-6f) {
            return new float[v.length];
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.min(1f, v[i] / ref);
        }
        return out;
    }
}
