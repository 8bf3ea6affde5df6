package io.vidscore.analysis;

/**
 * What the analyzer keeps of each frame: about twenty-five floats, so an hour at 30 fps stays under 11 MB.
 * Differences are mean absolute grey differences on the analysis grid, 0..1.
 */
final class FrameSeries {
    static final int BINS = 16;
    /** The lag of the long-range difference that tells a gradual transition (a straight path) from motion. */
    static final double LONG_LAG_S = 0.5;

    private final int longLag;
    private final FloatSeries diff = new FloatSeries();
    private final FloatSeries structural = new FloatSeries();
    private final FloatSeries extremum = new FloatSeries();
    private final FloatSeries longDiff = new FloatSeries();
    private final FloatSeries histograms = new FloatSeries();
    private final FloatSeries meanGrey = new FloatSeries();
    private final FloatSeries complexity = new FloatSeries();
    private final FloatSeries brightness = new FloatSeries();
    private final FloatSeries saturation = new FloatSeries();
    private final FloatSeries warmth = new FloatSeries();

    FrameSeries(double fps) {
        this.longLag = (int) Math.max(2, Math.round(LONG_LAG_S * fps));
    }

    int longLag() {
        return longLag;
    }

    void add(float diff, float structural, float longDiff, float[] histogram, float meanGrey, float complexity, float brightness,
            float saturation, float warmth) {
        this.diff.add(diff);
        this.structural.add(structural);
        this.longDiff.add(longDiff);
        for (float h : histogram) {
            histograms.add(h);
        }
        this.meanGrey.add(meanGrey);
        this.complexity.add(complexity);
        this.brightness.add(brightness);
        this.saturation.add(saturation);
        this.warmth.add(warmth);
    }

    int size() {
        return diff.size();
    }

    /** Mean |frame t − frame t−1| (0 for the first frame). */
    float[] diff() {
        return diff.toArray();
    }

    /** The same difference once the change of mean brightness is taken out: what changed in the picture's structure. */
    float[] structural() {
        return structural.toArray();
    }

    /** Temporal-extremum strength of frame i, known one frame later. */
    void setExtremum(int i, float v) {
        extremum.set(i, v);
    }

    /** How far frame t lies outside the range of frames t−1 and t+1, pixel by pixel. */
    float[] extremum() {
        return padded(extremum);
    }

    private float[] padded(FloatSeries s) {
        float[] e = new float[size()];
        for (int i = 0; i < Math.min(e.length, s.size()); i++) {
            e[i] = s.get(i);
        }
        return e;
    }

    /** Mean |frame t − frame t−longLag| (0 for the first longLag frames). */
    float[] longDiff() {
        return longDiff.toArray();
    }

    float[] meanGrey() {
        return meanGrey.toArray();
    }

    float[] complexity() {
        return complexity.toArray();
    }

    float[] brightness() {
        return brightness.toArray();
    }

    float[] saturation() {
        return saturation.toArray();
    }

    float[] warmth() {
        return warmth.toArray();
    }

    /** Half the L1 distance between the grey histograms of frames a and b, 0..1. */
    double histDistance(int a, int b) {
        double d = 0;
        for (int k = 0; k < BINS; k++) {
            d += Math.abs(histograms.get(a * BINS + k) - histograms.get(b * BINS + k));
        }
        return d / 2;
    }
}
