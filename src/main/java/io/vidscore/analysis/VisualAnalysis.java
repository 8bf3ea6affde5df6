package io.vidscore.analysis;

import java.util.List;

/**
 * The dense low-level analysis of one video: everything the music follows.
 *
 * @param envelopeRateHz frames per second of the per-frame series below
 * @param onsetEnvelope  visual onset strength per frame, 0..1 (motion starts, impacts, flashes, cuts)
 * @param energy         motion energy per frame, 0..1, smoothed over about a second (how busy the picture is)
 * @param tempoBpm       visual tempo; a best guess from the mood when {@code rhythmic} is false
 * @param tempoConfidence 0..1, how clearly the onset envelope repeats at that tempo
 * @param rhythmic       whether the picture has a beat; when false {@code beatsS} is empty
 * @param beatsS         visual beats (empty when the video has no rhythm)
 * @param cutsS          hard cuts: the time of the first frame of each new shot
 * @param brightness     mean over the video, 0..1
 * @param saturation     mean over the video, 0..1
 * @param warmth         mean over the video, -1..1 (red minus blue)
 * @param fades          gradual transitions (fades through black, cross-dissolves), which are not cuts
 * @param segments       the shots between cuts, with descriptors and a mood estimate (see {@link Segment})
 */
public record VisualAnalysis(
        double durationS,
        double envelopeRateHz,
        float[] onsetEnvelope,
        float[] energy,
        double tempoBpm,
        double tempoConfidence,
        boolean rhythmic,
        double[] beatsS,
        double[] cutsS,
        double brightness,
        double saturation,
        double warmth,
        List<Fade> fades,
        List<Segment> segments) {

    public VisualAnalysis {
        fades = fades == null ? List.of() : List.copyOf(fades);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
