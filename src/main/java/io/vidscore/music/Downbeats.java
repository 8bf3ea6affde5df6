package io.vidscore.music;

/**
 * Which beat is beat 1: the bar phase under which the downbeats land on the strongest visual events.
 *
 * <p>For each of the {@value BeatGrid#BEATS_PER_BAR} phases, the accent strength at every grid beat of that
 * phase (the largest accent within ±{@value #WINDOW_S} s of the beat, the beat-alignment tolerance) is averaged;
 * the phase with the highest mean wins. The first beat stays the downbeat (no pickup) unless another phase is
 * clearly stronger — by more than {@value #MARGIN} relative — so flat or noisy accents do not shuffle the bar
 * lines for nothing.
 */
final class Downbeats {
    static final double WINDOW_S = 0.07;
    static final double MARGIN = 0.1;

    private Downbeats() {
    }

    /**
     * @param grid    the grid without pickup (its beat 0 is the first beat at or after 0)
     * @param accents onset strength per envelope frame, from time 0 (may be empty)
     * @param rateHz  frames per second of {@code accents}
     * @return beats before the first downbeat, 0..3
     */
    static int pickupBeats(BeatGrid grid, float[] accents, double rateHz) {
        if (grid.lead != 0) {
            throw new IllegalArgumentException("expects a grid without pickup");
        }
        if (accents.length == 0 || !(rateHz > 0)) {
            return 0;
        }
        int n = BeatGrid.BEATS_PER_BAR;
        double[] sum = new double[n];
        int[] count = new int[n];
        int half = (int) Math.ceil(WINDOW_S * rateHz);
        for (int i = 0; i < grid.beatCount; i++) {
            int centre = (int) Math.round(grid.beatTime(i) * rateHz);
            double strongest = 0;
            for (int k = Math.max(0, centre - half); k <= Math.min(accents.length - 1, centre + half); k++) {
                strongest = Math.max(strongest, accents[k]);
            }
            sum[i % n] += strongest;
            count[i % n]++;
        }
        int best = 0;
        double bestMean = count[0] > 0 ? sum[0] / count[0] : 0;
        double firstMean = bestMean;
        for (int p = 1; p < n; p++) {
            double mean = count[p] > 0 ? sum[p] / count[p] : 0;
            if (mean > bestMean) {
                bestMean = mean;
                best = p;
            }
        }
        return bestMean > (1 + MARGIN) * firstMean ? best : 0;
    }
}
