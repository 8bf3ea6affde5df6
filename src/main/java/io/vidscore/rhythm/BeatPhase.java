package io.vidscore.rhythm;

/**
 * Where a steady grid at a given tempo fits a list of tracked beats best. The grid's phase comes from all
 * the beats, not from the first one: a tracker's first beat is its least supported (it has no past to
 * lean on) and is often off the grid, and a composer that anchors on it puts every later beat that far
 * off (a real-footage montage cut every 0.5 s got its music 0.13 s late throughout).
 */
public final class BeatPhase {
    /** Beats further than this from the fitted grid are outliers and do not pull the phase. */
    static final double INLIER_S = 0.07;

    private BeatPhase() {
    }

    /**
     * A time on the best-fitting grid of period {@code 60/bpm}, at or just before the first beat (so the grid
     * still starts where the beats start); 0 when there are no beats.
     */
    public static double origin(double[] beatsS, double bpm) {
        if (beatsS.length == 0) {
            return 0;
        }
        double period = 60.0 / bpm;
        double phase = circularMean(beatsS, period, Double.POSITIVE_INFINITY, 0);
        // Second pass without the beats the first fit leaves far away: one stray beat should not move the rest.
        phase = circularMean(beatsS, period, INLIER_S, phase);
        double k = Math.ceil((beatsS[0] - phase) / period - 0.5);
        return phase + k * period;
    }

    /** Mean phase in seconds within [0, period) of the beats within {@code window} of the grid at {@code around}. */
    private static double circularMean(double[] beats, double period, double window, double around) {
        double sx = 0;
        double sy = 0;
        for (double b : beats) {
            double d = b - around;
            double off = d - Math.rint(d / period) * period;
            if (Math.abs(off) > window) {
                continue;
            }
            double angle = 2 * Math.PI * b / period;
            sx += Math.cos(angle);
            sy += Math.sin(angle);
        }
        if (sx == 0 && sy == 0) {
            return around;
        }
        double phase = Math.atan2(sy, sx) / (2 * Math.PI) * period;
        return phase < 0 ? phase + period : phase;
    }
}
