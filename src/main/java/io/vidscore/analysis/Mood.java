package io.vidscore.analysis;

/**
 * The documented mapping from picture descriptors to a mood on the valence/arousal plane (Russell's
 * circumplex), each axis in -1..1.
 *
 * <p><b>Valence</b> follows Valdez &amp; Mehrabian (1994, "Effects of color on emotions", J. Exp. Psych.:
 * General 123(4)), whose regression over colour samples gave pleasure = 0.69·brightness + 0.22·saturation:
 * brightness weighs about three times as much as saturation. Warm colour casts add to it (warm light reads as
 * pleasant, cold blue as sombre), with the same weight as saturation:
 * <pre>
 *   valence = clamp(0.6·b + 0.2·s + 0.2·w)
 *   b = 2·(brightness − 0.5)            (a mid-grey picture is neutral)
 *   s = clamp((saturation − 0.35) / 0.35)  (typical footage has saturation ≈ 0.35)
 *   w = clamp(warmth / 0.2)            (red − blue of ±0.2 is already a strong cast)
 * </pre>
 *
 * <p><b>Arousal</b> follows Hanjalic &amp; Xu (2005, "Affective video content representation and
 * modeling", IEEE Trans. Multimedia 7(1)): arousal rises with motion activity and with the rhythm of
 * visual events; Valdez &amp; Mehrabian add that saturated colours excite (+0.60) and bright ones calm
 * slightly (−0.31):
 * <pre>
 *   arousal = clamp(2·(0.55·energy + 0.25·min(1, pace / 2) + 0.2·saturation − 0.1·(brightness − 0.5)) − 1)
 * </pre>
 * so a still, grey shot is −1 (calm), a busy, saturated one with two or more visual onsets a second is near +1.
 * The weights are a design choice, stated here so they can be argued with; engines map the two axes to
 * key, mode and instrumentation.
 */
public final class Mood {
    private Mood() {
    }

    public static double valence(double brightness, double saturation, double warmth) {
        double b = 2 * (brightness - 0.5);
        double s = clamp((saturation - 0.35) / 0.35);
        double w = clamp(warmth / 0.2);
        return clamp(0.6 * b + 0.2 * s + 0.2 * w);
    }

    public static double arousal(double energy, double pace, double saturation, double brightness) {
        double raw = 0.55 * energy + 0.25 * Math.min(1, pace / 2) + 0.2 * saturation - 0.1 * (brightness - 0.5);
        return clamp(2 * raw - 1);
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
