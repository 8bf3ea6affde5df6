package io.vidscore.music;

/**
 * The request's beat grid (tempo and one beat time) extended backwards and forwards over [0, duration),
 * grouped into 4/4 bars.
 *
 * <p>Beats are numbered from the downbeat of bar 0. When the piece starts with a pickup (the first beats
 * after 0 are the end of a bar, so that later downbeats fall on the strongest visual events), bar 0 begins
 * before 0: its first {@link #lead} beats lie at negative times and are never played. Bar 0 is then
 * written as a whole bar of which only the end sounds, so the pickup carries the full groove rather than
 * a sparse fragment.
 */
final class BeatGrid {
    static final int BEATS_PER_BAR = 4;

    final double periodS;
    final double durationS;
    private final double originS;
    /** Grid index (counted from the beat at {@code originS}) of beat 0, the downbeat of bar 0. */
    private final long firstIndex;
    /** Beats of bar 0 before time 0 (0 when the first beat at or after 0 is a downbeat), 0..3. */
    final int lead;
    /** Beats from the downbeat of bar 0 up to the duration, the {@link #lead} ones before 0 included. */
    final int beatCount;
    final int barCount;

    BeatGrid(double tempoBpm, double beatOriginS, double durationS) {
        this(tempoBpm, beatOriginS, durationS, 0);
    }

    /**
     * @param pickupBeats how many beats at or after 0 come before the first downbeat, 0..3: the first
     *                    downbeat is grid beat {@code pickupBeats} counted from the first one at or after 0
     */
    BeatGrid(double tempoBpm, double beatOriginS, double durationS, int pickupBeats) {
        if (pickupBeats < 0 || pickupBeats >= BEATS_PER_BAR) {
            throw new IllegalArgumentException("pickupBeats must be within 0.." + (BEATS_PER_BAR - 1));
        }
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
        this.lead = (BEATS_PER_BAR - pickupBeats) % BEATS_PER_BAR;
        this.firstIndex = first - lead;
        int count = lead;
        while (beatTime(count) < durationS) {
            count++;
        }
        this.beatCount = count;
        this.barCount = (count + BEATS_PER_BAR - 1) / BEATS_PER_BAR;
    }

    /** Time of beat {@code i} counted from the downbeat of bar 0 (computed, not accumulated); negative before 0. */
    double beatTime(int i) {
        return originS + (firstIndex + i) * periodS;
    }

    double barStart(int bar) {
        return beatTime(bar * BEATS_PER_BAR);
    }

    /** The grid beats in [0, duration), ascending. */
    double[] beatsInside() {
        double[] beats = new double[beatCount - lead];
        for (int i = lead; i < beatCount; i++) {
            beats[i - lead] = beatTime(i);
        }
        return beats;
    }

    /** Downbeats (bar starts) in [0, duration), ascending. */
    double[] downbeatsInside() {
        int first = lead == 0 ? 0 : 1;
        double[] out = new double[Math.max(0, barCount - first)];
        for (int b = first; b < barCount; b++) {
            out[b - first] = barStart(b);
        }
        return out;
    }

    /** Index of the grid beat nearest to {@code t}. */
    int nearestBeat(double t) {
        return (int) Math.round((t - beatTime(0)) / periodS);
    }
}
