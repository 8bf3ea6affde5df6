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
 * @param overrides    user choices that replace what the analysis suggests ({@link Overrides#NONE}: none)
 * @param accents      visual onset strength (impacts, flashes, cuts), ≥ 0, sampled at {@code energyRateHz} from
 *                     time 0 (may be empty: then the first beat is a downbeat). The composer puts its bar lines
 *                     where these are strongest ({@link ComposerEngine})
 * @param conditioning words for text-conditioned engines ({@link Conditioning#NONE}: none)
 */
public record MusicRequest(double durationS, double tempoBpm, double beatOriginS, double[] cutsS, float[] energy,
                           double energyRateHz, double brightness, double warmth, double saturation, long seed,
                           Overrides overrides, float[] accents, Conditioning conditioning) {
    public MusicRequest {
        Objects.requireNonNull(conditioning, "conditioning (use Conditioning.NONE)");
        Objects.requireNonNull(cutsS, "cutsS (use an empty array)");
        Objects.requireNonNull(accents, "accents (use an empty array)");
        Objects.requireNonNull(energy, "energy (use an empty array)");
        Objects.requireNonNull(overrides, "overrides (use Overrides.NONE)");
        if (!(durationS >= 0) || Double.isInfinite(durationS)) {
            throw new IllegalArgumentException("durationS must be a finite value >= 0, got " + durationS);
        }
        if (!(tempoBpm >= 40 && tempoBpm <= 240)) {
            throw new IllegalArgumentException("tempoBpm must be within 40..240, got " + tempoBpm);
        }
        if (!Double.isFinite(beatOriginS)) {
            throw new IllegalArgumentException("beatOriginS must be finite, got " + beatOriginS);
        }
        if ((energy.length > 0 || accents.length > 0) && !(energyRateHz > 0 && Double.isFinite(energyRateHz))) {
            throw new IllegalArgumentException("energyRateHz must be positive, got " + energyRateHz);
        }
        if (!Double.isFinite(brightness) || !Double.isFinite(warmth) || !Double.isFinite(saturation)) {
            throw new IllegalArgumentException("brightness, warmth and saturation must be finite");
        }
    }

    /** A request without accents: the first beat is a downbeat. */
    public MusicRequest(double durationS, double tempoBpm, double beatOriginS, double[] cutsS, float[] energy,
                        double energyRateHz, double brightness, double warmth, double saturation, long seed,
                        Overrides overrides) {
        this(durationS, tempoBpm, beatOriginS, cutsS, energy, energyRateHz, brightness, warmth, saturation, seed,
                overrides, new float[0], Conditioning.NONE);
    }

    /** A request without overrides or accents. */
    public MusicRequest(double durationS, double tempoBpm, double beatOriginS, double[] cutsS, float[] energy,
                        double energyRateHz, double brightness, double warmth, double saturation, long seed) {
        this(durationS, tempoBpm, beatOriginS, cutsS, energy, energyRateHz, brightness, warmth, saturation, seed,
                Overrides.NONE);
    }

    /** This request with {@code overrides} in place of its current ones. */
    public MusicRequest withOverrides(Overrides overrides) {
        return new MusicRequest(durationS, tempoBpm, beatOriginS, cutsS, energy, energyRateHz, brightness, warmth,
                saturation, seed, overrides, accents, conditioning);
    }

    /** This request with {@code accents} (at {@code energyRateHz}) in place of its current ones. */
    public MusicRequest withAccents(float[] accents) {
        return new MusicRequest(durationS, tempoBpm, beatOriginS, cutsS, energy, energyRateHz, brightness, warmth,
                saturation, seed, overrides, accents, conditioning);
    }

    /** This request with {@code conditioning} in place of its current one. */
    public MusicRequest withConditioning(Conditioning conditioning) {
        return new MusicRequest(durationS, tempoBpm, beatOriginS, cutsS, energy, energyRateHz, brightness, warmth,
                saturation, seed, overrides, accents, conditioning);
    }

    /**
     * What the composer's choices (progressions, motifs, grooves, humanisation) are drawn from: the seed mixed
     * with the video's duration, analysed tempo, beat phase and motion (not its cuts, so that a cut changes the
     * music where it falls rather than the whole piece). Two videos scored with the
     * same (default) seed thus get their own tunes rather than the same motifs over other chords, while the same
     * video with the same seed still gives the same piece. Overrides are left out, so a key override transposes
     * the very same piece.
     */
    public long variationSeed() {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = mix(h, Double.doubleToLongBits(durationS));
        h = mix(h, Double.doubleToLongBits(tempoBpm));
        h = mix(h, Double.doubleToLongBits(beatOriginS));
        for (float e : energy) {
            h = mix(h, Float.floatToIntBits(e));
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
        h ^= h >>> 31;
        return h * 0xBF58476D1CE4E5B9L;
    }

    /** Tempo of the beat grid: the override when there is one, else the analysed tempo. */
    public double effectiveTempoBpm() {
        return overrides.bpm() != null ? overrides.bpm() : tempoBpm;
    }

    /**
     * User overrides; every component may be null, meaning "derive it from the video". Validated on
     * construction, so a bad value fails when the request is built, not halfway through a render.
     *
     * @param style one of {@link ComposerEngine#STYLES}, or null to choose from mood and energy
     * @param bpm   tempo within 40–240 BPM, or null for the analysed tempo; the grid keeps the video's beat
     *              phase: its beat at {@code beatOriginS} (fitted to the visual beats, see {@link io.vidscore.rhythm.BeatPhase}) stays where it is
     * @param key   a key such as "A minor", "F# major" or "Bb major" (see {@link #parseKey}), or null for
     *              the key chosen from the mood
     */
    public record Overrides(String style, Double bpm, String key) {
        public static final Overrides NONE = new Overrides(null, null, null);

        public Overrides {
            if (style != null && !ComposerEngine.STYLES.contains(style)) {
                throw new IllegalArgumentException("unknown style \"" + style + "\"; accepted: "
                        + String.join(", ", ComposerEngine.STYLES));
            }
            if (bpm != null && !(bpm >= 40 && bpm <= 240)) {
                throw new IllegalArgumentException("bpm override must be within 40..240, got " + bpm);
            }
            if (key != null) {
                Tonality.parse(key);
            }
        }

        /**
         * Checks a key name: a note letter A–G (upper case), optionally {@code #} or {@code b}, one space, then
         * {@code major} or {@code minor} — e.g. "A minor", "F# major", "Bb major".
         *
         * @return the key's canonical name (unchanged when valid)
         * @throws IllegalArgumentException naming the accepted form
         */
        public static String parseKey(String key) {
            return Tonality.parse(key).name();
        }
    }
}
