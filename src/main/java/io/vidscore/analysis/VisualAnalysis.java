package io.vidscore.analysis;

/**
 * The dense low-level analysis of one video: everything the music follows.
 *
 * @param envelopeRateHz frames per second of the per-frame series below
 * @param onsetEnvelope  visual onset strength per frame, 0..1 (motion starts, impacts, flashes, cuts)
 * @param energy         motion energy per frame, 0..1, smoothed over about a second (how busy the picture is)
 * @param tempoBpm       visual tempo; a best guess from the mood when {@code rhythmic} is false
 * @param beatsS         visual beats (empty when the video has no rhythm)
 * @param cutsS          hard cuts
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
        double warmth) {
}
