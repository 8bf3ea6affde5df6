package io.vidscore.analysis;

import java.util.Arrays;

/**
 * The visual onset envelope: how strongly something happens at each frame, 0..1.
 *
 * <p>Two cues from the grey analysis grid, each log-compressed against its own median so that a
 * full-frame flash a hundred times stronger than a ball's impact counts only a few times more:
 * <ol>
 * <li><b>Motion reversal</b> (weight 1): per pixel, how far frame t lies outside the range of frames
 *     t−1 and t+1, i.e. {@code (|f(t−1)−f(t)| + |f(t)−f(t+1)| − |f(t−1)−f(t+1)|) / 2}. Steady motion
 *     moves every pixel monotonically and gives 0; an object that stops and turns round (an impact, a
 *     bounce, a gesture's end) or a flash makes frame t an extremum. This is the cue that lets impacts
 *     stand out over a busy, moving background, where plain frame differences only say "motion".</li>
 * <li><b>Rise of motion energy</b> (weight {@value #RISE_WEIGHT}): the positive change of the mean frame
 *     difference plus half its absolute change — motion starting or stopping without reversing.</li>
 * </ol>
 * The sum is scaled to 0..1 by its 99th percentile; the tempo is estimated from it as it is. The beat
 * tracker follows a copy smoothed by a Gaussian of σ = {@value #SMOOTHING_S} s ({@link #forBeats}), which
 * centres it on the middle of an event that spans two or three frames (a fast object at 24 fps turns
 * round over several frames). Smoothing the tempo's envelope too would bias the period by up to 0.2%:
 * the events are asymmetric (a flash rises in one frame and decays over several).
 */
final class OnsetEnvelope {
    static final double RISE_WEIGHT = 0.1;
    static final double SMOOTHING_S = 0.03;

    private OnsetEnvelope() {
    }

    static float[] of(FrameSeries series, double fps) {
        float[] diff = series.diff();
        float[] rise = new float[diff.length];
        for (int t = 2; t < diff.length; t++) {
            float change = diff[t] - diff[t - 1];
            rise[t] = Math.max(0, change) + 0.5f * Math.abs(change);
        }
        float[] reversal = compress(series.extremum());
        float[] motion = compress(rise);
        float[] out = new float[diff.length];
        for (int t = 0; t < out.length; t++) {
            out[t] = (float) (reversal[t] + RISE_WEIGHT * motion[t]);
        }
        return normalise(out);
    }

    /** The envelope the beat tracker follows: {@link #of} smoothed by a Gaussian of σ = {@value #SMOOTHING_S} s. */
    static float[] forBeats(float[] envelope, double fps) {
        double sigma = SMOOTHING_S * fps;
        return sigma > 0.3 ? normalise(gaussian(envelope, sigma)) : envelope;
    }

    /** log(1 + x / median): the envelope follows how many times above the usual level an event is. */
    static float[] compress(float[] v) {
        float[] out = new float[v.length];
        if (v.length == 0) {
            return out;
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        double ref = Math.max(1e-5, sorted[sorted.length / 2]);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) Math.log1p(v[i] / ref);
        }
        return out;
    }

    /** Normalised Gaussian smoothing (the kernel is renormalised at the ends, so edges are not dimmed). */
    static float[] gaussian(float[] x, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * radius + 1];
        for (int j = -radius; j <= radius; j++) {
            k[j + radius] = Math.exp(-0.5 * (j / sigma) * (j / sigma));
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            double w = 0;
            for (int j = Math.max(-radius, -i); j <= Math.min(radius, x.length - 1 - i); j++) {
                s += k[j + radius] * x[i + j];
                w += k[j + radius];
            }
            out[i] = (float) (s / w);
        }
        return out;
    }

    /** Scales to 0..1 by a high percentile so one spike (a cut) does not flatten everything else. */
    static float[] normalise(float[] v) {
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
