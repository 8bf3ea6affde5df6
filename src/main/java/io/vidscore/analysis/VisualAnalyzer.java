package io.vidscore.analysis;

import io.vidscore.rhythm.BeatTracker;
import io.vidscore.rhythm.TempoEstimate;
import java.util.Arrays;
import java.util.List;

/**
 * Dense visual analysis, fed one small grey frame at a time at the native frame rate (it knows nothing
 * of files or decoders). Per frame it computes, on the grey analysis grid (64 cells wide, a few thousand
 * bytes, so each pass costs microseconds): the mean frame difference, its brightness-compensated
 * ("structural") version, the temporal-extremum strength of the previous frame (motion reversals,
 * flashes), the difference to the frame half a second back, a 16-bin grey histogram and the mean
 * spatial gradient (visual complexity); brightness, saturation and warmth come from the decoder. It keeps
 * only those numbers (see {@link FrameSeries}) and three grey frames plus half a second of them for the
 * long-range difference, so memory does not depend on the frame size and grows by ~100 bytes a frame.
 *
 * <p>At the end: the onset envelope ({@link OnsetEnvelope}), cuts ({@link CutDetector}), fades and
 * dissolves ({@link FadeDetector}), tempo and whether there is a beat ({@link VisualTempo}), beats
 * ({@link BeatTracker}, Ellis' dynamic programming) and shots with their descriptors and mood
 * ({@link Segments}, {@link Mood}). A video without rhythm gets no beats and a tempo from its motion
 * energy (calm → slow), which engines may use as a starting point.
 */
public final class VisualAnalyzer {
    /** Mean absolute grey difference (0..1) that counts as full motion energy. */
    static final double FULL_ENERGY = 0.08;
    /** Mean absolute spatial grey gradient (0..1 per grid cell) that counts as full complexity. */
    static final double FULL_COMPLEXITY = 0.12;

    private final double fps;
    private final FrameSeries series;
    private byte[] previous;
    private byte[] beforePrevious;
    private int previousMean16;
    private int beforePreviousMean16;
    /** Series index of {@link #previous}: repeated frames (variable-rate video on a uniform grid) are skipped. */
    private int previousIndex;
    private final byte[][] ring;
    private int frames;

    public VisualAnalyzer(double fps) {
        this.fps = fps;
        this.series = new FrameSeries(fps);
        this.ring = new byte[series.longLag()][];
    }

    /**
     * @param grey  a small grey frame, row-major, {@code width} columns; the same size on every call
     * @param brightness mean luma 0..1; @param saturation 0..1; @param warmth red minus blue, -1..1
     */
    public void accept(byte[] grey, int width, float brightness, float saturation, float warmth) {
        int n = grey.length;
        long sum = 0;
        long gradient = 0;
        for (int row = 0; row < n; row += width) {
            int end = Math.min(n, row + width);
            for (int i = row; i < end; i++) {
                int v = grey[i] & 0xff;
                sum += v;
                if (i + 1 < end) {
                    gradient += Math.abs((grey[i + 1] & 0xff) - v);
                }
                if (i + width < n) {
                    gradient += Math.abs((grey[i + width] & 0xff) - v);
                }
            }
        }
        float mean = sum / (float) n;
        float diff = 0;
        float structural = 0;
        // Mean-compensated comparisons in 1/16 grey levels, in integers: the loops below are most of the
        // analysis' per-frame cost, and float arithmetic made them several times slower.
        int m16 = Math.round(mean * 16);
        if (previous != null) {
            long d = 0;
            long s = 0;
            int shift16 = m16 - previousMean16;
            for (int i = 0; i < n; i++) {
                int delta = (grey[i] & 0xff) - (previous[i] & 0xff);
                d += Math.abs(delta);
                s += Math.abs((delta << 4) - shift16);
            }
            diff = (float) (d / (255.0 * n));
            structural = (float) (s / (16 * 255.0 * n));
        }
        // A slot that repeats the previous frame exactly (the decoder fills a variable-rate video's gaps on
        // the uniform grid with the last frame) is no new picture: the extremum is judged between distinct
        // frames, or a flash held for two slots would lie inside its neighbours' range and vanish.
        boolean repeat = previous != null && diff == 0 && java.util.Arrays.equals(grey, previous);
        if (beforePrevious != null && !repeat) {
            // The previous frame is a temporal extremum where it lies outside the range of its neighbours:
            // |a-b| + |b-c| - |a-c| is twice that excess, 0 for steady motion, large where motion turns round.
            // Pixels are compared after removing each frame's mean, and the mean's own extremum is added
            // once: a flash is one event at its frame, and the frame before it is not an extremum just
            // because the flash lifts the next frame over all of its pixels.
            long e = 0;
            int ma = beforePreviousMean16;
            int mb = previousMean16;
            for (int i = 0; i < n; i++) {
                int a = ((beforePrevious[i] & 0xff) << 4) - ma;
                int b = ((previous[i] & 0xff) << 4) - mb;
                int c = ((grey[i] & 0xff) << 4) - m16;
                e += Math.abs(a - b) + Math.abs(b - c) - Math.abs(a - c);
            }
            double brightnessExtremum = Math.abs(ma - mb) + Math.abs(mb - m16) - Math.abs(ma - m16);
            series.setExtremum(previousIndex, (float) (((double) e / n + brightnessExtremum) / (2 * 16 * 255.0)));
        }
        float longDiff = 0;
        byte[] old = ring[frames % ring.length];
        if (old != null) {
            long d = 0;
            for (int i = 0; i < n; i++) {
                d += Math.abs((grey[i] & 0xff) - (old[i] & 0xff));
            }
            longDiff = (float) (d / (255.0 * n));
        }
        series.add(diff, structural, longDiff, histogram(grey), mean / 255f,
                (float) (gradient / (255.0 * Math.max(1, 2 * n - width - n / width))), brightness, saturation, warmth);

        if (old == null || old.length != n) {
            old = new byte[n];
            ring[frames % ring.length] = old;
        }
        System.arraycopy(grey, 0, old, 0, n);
        if (repeat) {
            frames++;
            return;
        }
        // Keep the last frames without allocating per frame: rotate the buffers.
        byte[] recycled = beforePrevious;
        beforePrevious = previous;
        previous = recycled != null && recycled.length == n ? recycled : new byte[n];
        System.arraycopy(grey, 0, previous, 0, n);
        previousIndex = frames;
        beforePreviousMean16 = previousMean16;
        previousMean16 = m16;
        frames++;
    }

    private static float[] histogram(byte[] grey) {
        float[] hist = new float[FrameSeries.BINS];
        for (byte b : grey) {
            hist[(b & 0xff) * FrameSeries.BINS / 256]++;
        }
        for (int k = 0; k < hist.length; k++) {
            hist[k] /= grey.length;
        }
        return hist;
    }

    public int frames() {
        return frames;
    }

    public VisualAnalysis finish(double durationS) {
        if (frames == 0) {
            throw new IllegalStateException("no frames analysed");
        }
        double[] cuts = new CutDetector(series, fps).detect();
        List<Fade> fades = new FadeDetector(series, fps).detect(cuts);
        float[] envelope = OnsetEnvelope.of(series, fps);
        float[] energy = smoothedEnergy(series.diff(), fps);
        TempoEstimate tempo = frames >= 2 * fps ? VisualTempo.estimate(envelope, fps, series.extremum()) : new TempoEstimate(0, 0, false);
        double[] beats = new double[0];
        if (tempo.rhythmic()) {
            float[] smoothed = OnsetEnvelope.forBeats(envelope, fps);
            beats = BeatCentring.centre(smoothed, fps, tempo.bpm(), BeatTracker.track(smoothed, fps, tempo.bpm()));
        }
        double bpm = tempo.rhythmic() ? tempo.bpm() : tempoFromEnergy(energy);
        List<Segment> segments = Segments.describe(series, cuts, fps, durationS);
        return new VisualAnalysis(durationS, fps, envelope, energy, bpm, tempo.confidence(), tempo.rhythmic(), beats, cuts,
                mean(series.brightness()), mean(series.saturation()), mean(series.warmth()), fades, segments);
    }

    /** Calm pictures get slow music, busy ones faster: 70 BPM at rest up to 130 BPM at full motion. */
    static double tempoFromEnergy(float[] energy) {
        return Math.round(70 + 60 * Math.min(1, mean(energy)));
    }

    static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / Math.max(1, v.length);
    }

    /** Motion energy 0..1, a centred moving average over about a second. */
    static float[] smoothedEnergy(float[] m, double fps) {
        return movingAverage(m, fps, FULL_ENERGY);
    }

    /** Centred moving average over about {@code windowFrames}, divided by fullScale and capped at 1. */
    static float[] movingAverage(float[] m, double windowFrames, double fullScale) {
        float[] out = new float[m.length];
        int half = (int) Math.max(1, Math.round(windowFrames / 2));
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
            out[t] = (float) Math.min(1, window / (hi - lo + 1) / fullScale);
        }
        return out;
    }
}
