package io.vidscore.tools;

/**
 * One generated clip and what is really in it, for the accuracy benchmark.
 *
 * @param name      short identifier, also the file stem
 * @param kind      what the clip exercises (flashes, impacts, cuts, ...)
 * @param bpm       the true tempo, or 0 when the clip has no rhythm
 * @param beatsS    the true visual beats (flash onsets or ball impacts); empty when there are none
 * @param cutsS     the true hard cuts: the time of the first frame of each new shot
 * @param gradualS  gradual transitions (fades, cross-dissolves) as {start, end} pairs: never cuts
 */
public record TruthClip(String name, Kind kind, double fps, double durationS, double bpm, double[] beatsS, double[] cutsS,
        double[][] gradualS) {

    public enum Kind {
        FLASHES, IMPACTS, MONTAGE, SIMILAR_MONTAGE, STATIC, NOISE, PAN, FADES, DISSOLVES, SAMPLE
    }

    /** Whether the clip has a visual beat that a detector must find. */
    public boolean rhythmic() {
        return bpm > 0;
    }
}
