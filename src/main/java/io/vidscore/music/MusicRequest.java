package io.vidscore.music;

import java.util.Objects;

/**
 * What the video asks of the music.
 *
 * @param durationS    length of the soundtrack in seconds (≥ 0)
 * @param tempoBpm     tempo from the video analysis (40–240 BPM)
 * @param beatOriginS  time of one beat, the phase of the grid (the grid extends both ways from it)
 * @param cutsS        scene-cut times in seconds (any order; those outside [0, durationS) are ignored)
 * @param energy       motion-energy envelope normalised to 0..1 (may be empty: then medium intensity)
 * @param energyRateHz sample rate of {@code energy} (must be positive when energy is not empty)
 * @param brightness   whole-video mean brightness, 0..1
 * @param warmth       whole-video colour temperature, −1 (cold/blue) .. +1 (warm/orange)
 * @param saturation   whole-video mean saturation, 0..1
 * @param seed         makes the piece reproducible: same request, same seed, same samples
 */
public record MusicRequest(double durationS, double tempoBpm, double beatOriginS, double[] cutsS, float[] energy,
                           double energyRateHz, double brightness, double warmth, double saturation, long seed) {
    public MusicRequest {
        Objects.requireNonNull(cutsS, "cutsS (use an empty array)");
        Objects.requireNonNull(energy, "energy (use an empty array)");
        if (!(durationS >= 0) || Double.isInfinite(durationS)) {
            throw new IllegalArgumentException("durationS must be a finite value >= 0, got " + durationS);
        }
        if (!(tempoBpm >= 40 && tempoBpm <= 240)) {
            throw new IllegalArgumentException("tempoBpm must be within 40..240, got " + tempoBpm);
        }
        if (!Double.isFinite(beatOriginS)) {
            throw new IllegalArgumentException("beatOriginS must be finite, got " + beatOriginS);
        }
        if (energy.length > 0 && !(energyRateHz > 0 && Double.isFinite(energyRateHz))) {
            throw new IllegalArgumentException("energyRateHz must be positive, got " + energyRateHz);
        }
        if (!Double.isFinite(brightness) || !Double.isFinite(warmth) || !Double.isFinite(saturation)) {
            throw new IllegalArgumentException("brightness, warmth and saturation must be finite");
        }
    }
}
