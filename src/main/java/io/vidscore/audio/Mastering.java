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
 * <p>{@code chain} band-limits to ~20 kHz before the limiter (see {@link BandLimit}): above that,
 * true peak depends on whose interpolator reads it, and the ceiling must hold on the
 * platform's meter, not only on ours (checked against ffmpeg's ebur128: -1.0 dBTP).
 *
 * <h2>When the limiter eats loudness: {@link #refine}</h2>
 * The limiter only ever lowers the level, so when the gain pushes peaks well over the ceiling the
 * result lands under the target. How far depends on the peak-to-loudness ratio (PLR = true peak
 * minus integrated loudness) of the render: with PLR <= 13 dB, -14 LUFS fits under -1 dBTP
 * without limiting; a mix that already clipped (PLR ~14 dB) lands at -14.2 LUFS after two
 * passes; a drum-heavy unmastered mix with PLR 18 dB (~5 dB of limiting on every kick) lands
 * at -15.07, just outside +-1 LU.
 *
 * <p>{@link #gainFor} cannot anticipate that (the loss depends on the limiter running at a gain
 * that is only known once pass 1 has ended), so the documented procedure is: tee a second
 * {@link LoudnessMeter} onto pass 2; if it reads more than 0.5 LU off the target, render once
 * more with {@code refine(gain, measured)}:
 * <pre>{@code
 * double gain = Mastering.gainFor(m.integratedLufs());
 * LoudnessMeter check = new LoudnessMeter();
 * try (PcmSink s = Mastering.chain(gain, PcmSink.tee(check, realSink))) { engine.render(req, s); }
 * if (Math.abs(check.integratedLufs() - Mastering.TARGET_LUFS) > 0.5) {
 *     realSink = ...; // start the output again
 *     try (PcmSink s = Mastering.chain(Mastering.refine(gain, check.integratedLufs()), realSink)) {
 *         engine.render(req, s);
 *     }
 * }
 * }</pre>
 * On the PLR-18 mix that gives -14.1 LUFS.
 */
public final class Mastering {
    public static final double TARGET_LUFS = -14.0;
    public static final double CEILING_DBTP = -1.0;
    /**
     * Gains beyond +-30 dB are clamped: a render that far off is broken or near-silent (raising
     * -45 LUFS room tone to -14 would only amplify noise), not something to "master".
     */
    public static final double MAX_GAIN_DB = 30.0;
    /** How much of the remaining distance to the target {@link #refine} adds to the gain. */
    public static final double REFINE_STEP = 1.5;

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
        return new GainStage(gainDb, new BandLimit(new TruePeakLimiter(CEILING_DBTP, out)));
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
     * measured. The shortfall is normally loudness the limiter took, and the limiter takes back
     * part of any gain added (about 40 % at 5 dB of limiting), so the step is over-relaxed by
     * {@value #REFINE_STEP}: with a limiter slope k in [0, 1] the new error is
     * {@code shortfall * (1.5 (1 - k) - 1)}, never larger than the old one, and ~0 for k ~ 1/3.
     */
    public static double refine(double gainDb, double masteredLufs) {
        if (!Double.isFinite(masteredLufs) || masteredLufs <= -70.0) {
            return gainDb;
        }
        return clamp(gainDb + REFINE_STEP * (TARGET_LUFS - masteredLufs));
    }

    private static double clamp(double db) {
        return Math.max(-MAX_GAIN_DB, Math.min(MAX_GAIN_DB, db));
    }
}
