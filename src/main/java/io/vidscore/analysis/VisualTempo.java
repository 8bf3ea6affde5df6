package io.vidscore.analysis;

import io.vidscore.rhythm.TempoEstimate;
import io.vidscore.rhythm.TempoEstimator;
import java.util.Arrays;

/**
 * Visual tempo from the onset envelope, and whether the picture has a beat at all.
 *
 * <p><b>Octave policy.</b> A train of visual events at period P also repeats at 2P, 3P ..., and events
 * with a weaker one in between repeat at P/2 as well; the tempo is the event rate itself whenever that
 * lies in 60–180 BPM, because that is what a viewer taps and what music must hit. {@link TempoEstimator}
 * implements it: the autocorrelation peak in the 60–180 BPM lag range is weighted by a log-normal prior
 * centred on 115 BPM (σ = one octave), so between two equally strong candidates T and 2T the one nearer
 * 115 wins — 72 BPM rather than 144, 150 rather than 75; then a faster candidate (2x, 3x, 1.5x) replaces
 * the pick whenever its own peak is at least 0.8 of the pick's (a periodicity that strong at a shorter
 * lag means the pick was only a multiple of it: bouncing at 120 BPM with a flash every other beat is 120,
 * not 60), and the slower one (0.5x) only when it is 1.5 times stronger (the pick was an off-beat
 * subdivision). Event rates above 180 per minute come out at half or a third of the rate; events slower
 * than one a second do not repeat inside the lag range and the video is reported as not rhythmic.
 *
 * <p><b>Rhythmic or not.</b> Besides the estimator's confidence test (the autocorrelation peak must stand
 * out of noise by more than chance allows for the envelope's length), the events must be visible:
 * the 99th percentile of the per-frame motion-reversal/flash strength must reach {@value #MIN_EVENT}
 * (mean absolute grey change, 0..1, over the whole frame — an object covering 3% of the frame that
 * reverses against a 10% contrast background). The envelope is normalised, so without this floor the
 * pixel-grid aliasing of a slow pan or the keyframe pulse of a static shot would count as a beat.
 */
final class VisualTempo {
    static final double MIN_EVENT = 0.003;

    private VisualTempo() {
    }

    static TempoEstimate estimate(float[] envelope, double fps, float[] eventStrength) {
        TempoEstimate t = TempoEstimator.estimate(envelope, fps);
        if (t.rhythmic() && percentile99(eventStrength) < MIN_EVENT) {
            return new TempoEstimate(t.bpm(), t.confidence(), false);
        }
        return t;
    }

    private static double percentile99(float[] v) {
        if (v.length == 0) {
            return 0;
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(v.length - 1, Math.floor(v.length * 0.99))];
    }
}
