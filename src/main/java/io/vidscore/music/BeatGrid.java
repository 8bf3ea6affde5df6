package io.vidscore.music;

/**
 * The request's beat grid (tempo and one beat time) extended backwards and forwards over [0, duration),
 * grouped into 4/4 bars whose first downbeat is the first grid beat at or after 0.
 */
final class BeatGrid {
    static final int BEATS_PER_BAR = 4;

    final double periodS;
    final double durationS;
    private final double originS;
    private final long firstIndex;
    final int beatCount;
    final int barCount;

    BeatGrid(double tempoBpm, double beatOriginS, double durationS) {
        this.periodS = 60.0 / tempoBpm;
        this.durationS = durationS;
        this.originS = beatOriginS;
        long first = (long) Math.ceil(-beatOriginS / periodS);
        while (beatOriginS + first * periodS < 0) {
            first++;
        }
        while (beatOriginS + (first - 1) * periodS >= 0) {
            first--;
        }
        this.firstIndex = first;
        int count = 0;
        while (beatTime(count) < durationS) {
            count++;
        }
        this.beatCount = count;
        this.barCount = (count + BEATS_PER_BAR - 1) / BEATS_PER_BAR;
    }

    /** Time of beat {@code i} counted from the first beat at or after 0 (computed, not accumulated). */
    double beatTime(int i) {
        return originS + (firstIndex + i) * periodS;
    }

    double barStart(int bar) {
        return beatTime(bar * BEATS_PER_BAR);
    }

    double[] beatsInside() {
        double[] beats = new double[beatCount];
        for (int i = 0; i < beatCount; i++) {
            beats[i] = beatTime(i);
        }
        return beats;
    }

    /** Index of the grid beat nearest to {@code t}. */
    int nearestBeat(double t) {
        return (int) Math.round((t - beatTime(0)) / periodS);
    }
}
