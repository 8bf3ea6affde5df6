package io.vidscore.audio;

/**
 * Brings a render to a streaming-platform loudness: {@value #TARGET_LUFS} LUFS integrated, true
 * peak at most {@value #CEILING_DBTP} dBTP (the values YouTube/Spotify normalise to; -1 dBTP
 * leaves headroom for the AAC encoder's own overshoot).
 *
 * <h2>Two passes, no audio held</h2>
 * Engines render deterministically, so the first pass only measures and the second renders again
 * through the gain and the limiter:
 * <pre>{@code
 * LoudnessMeter m = new LoudnessMeter();
 * engine.render(req, m);
 * m.close();
 * try (PcmSink s = Mastering.chain(Mastering.gainFor(m.integratedLufs()), realSink)) {
 *     engine.render(req, s);
 * }
 * }</pre>
 *
 * <h2>When the limiter eats loudness: {@link #refine}</h2>
 * The limiter only ever lowers the level, so when the gain pushes peaks well over the ceiling the
 * result lands under the target. How far depends on the peak-to-loudness ratio (PLR = true
 * peak - integrated loudness) of the render: material with PLR <= 13 dB reaches -14 LUFS at
 * -1 dBTP without limiting; the drum-heavy synthetic mix in MasteringTest (PLR 18 dB, so ~5 dB
 * of limiting) lands at -14.98 LUFS after two passes, just inside +-1 LU, and a mix that already
 * clipped (PLR ~15 dB) at -14.23.
 *
 * <p>So the gain from {@link #gainFor} is not corrected for the limiter: predicting the loss
 * would mean simulating the limiter at a gain that is only known once pass 1 has ended. Instead,
 * where +-1 LU is not tight enough, tee a second {@link LoudnessMeter} onto pass 2 and, if it
 * reads more than ~0.5 LU under the target, render a third time with
 * {@code refine(gain, measured)}. It adds the shortfall to the gain; since each extra dB of gain
 * costs the limiter under a dB, repeated refinement converges from below (the PLR-18 mix:
 * -14.98, then -14.40 after one refinement; roughly halving the error each pass).
 */
public final class Mastering {
    public static final double TARGET_LUFS = -14.0;
    public static final double CEILING_DBTP = -1.0;
    /**
     * Gains beyond +-30 dB are clamped: a render that far off is broken or near-silent (raising
     * -45 LUFS room tone to -14 would only amplify noise), not something to "master".
     */
    public static final double MAX_GAIN_DB = 30.0;

    private Mastering() {
    }

    /**
     * {@code out} preceded by {@code gainDb} of gain and a {@link TruePeakLimiter} at
     * {@link #CEILING_DBTP}. The output has the input's length and timing (the limiter's
     * look-ahead is compensated); closing the chain flushes the limiter and closes {@code out}.
     */
    public static PcmSink chain(double gainDb, PcmSink out) {
        if (!Double.isFinite(gainDb)) {
            throw new IllegalArgumentException("gain " + gainDb + " dB");
        }
        return new GainStage(gainDb, new TruePeakLimiter(CEILING_DBTP, out));
    }

    /**
     * The gain that takes {@code measuredLufs} to {@link #TARGET_LUFS}, clamped to
     * +-{@link #MAX_GAIN_DB}. Silence (-Infinity, NaN, or under the -70 LUFS gate) gets 0 dB:
     * there is nothing to normalise.
     */
    public static double gainFor(double measuredLufs) {
        if (!Double.isFinite(measuredLufs) || measuredLufs <= -70.0) {
            return 0.0;
        }
        return clamp(TARGET_LUFS - measuredLufs);
    }

    /**
     * The gain for another pass, given the gain a pass used and the integrated loudness its output
     * measured: adds the remaining distance to the target (normally the loudness the limiter took).
     */
    public static double refine(double gainDb, double masteredLufs) {
        if (!Double.isFinite(masteredLufs) || masteredLufs <= -70.0) {
            return gainDb;
        }
        return clamp(gainDb + TARGET_LUFS - masteredLufs);
    }

    private static double clamp(double db) {
        return Math.max(-MAX_GAIN_DB, Math.min(MAX_GAIN_DB, db));
    }
}
