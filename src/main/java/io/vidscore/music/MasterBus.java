package io.vidscore.music;

/**
 * Final gain staging and bus processing: master gain, EQ, bus compressor, the closing fade, a peak limiter
 * and a soft clipper.
 *
 * <p>EQ: a 4th-order Butterworth high-pass at {@value #HIGH_PASS_HZ} Hz (two cookbook biquads, Q 0.541 and
 * 1.307) removes sub-rumble; then a tilt per style, a low shelf at {@value #LOW_SHELF_HZ} Hz and a high shelf
 * at {@value #HIGH_SHELF_HZ} Hz (slope 1), in dB:
 * <pre>
 *  style        low shelf   high shelf
 *  cinematic      +1.0        +0.5     weight under the strings, a little air
 *  lofi           +1.5        −2.5     warm and dark, tape-like
 *  electronic     +1.0        +1.5     club tilt
 *  acoustic       −1.0        +1.0     less boom from the upright bass, brighter strings
 *  ambient        +0.5        −1.0     soft top
 * </pre>
 *
 * <p>Compressor ({@link BusCompressor}): stereo-linked RMS detector (attack 30 ms, release 150 ms, listening
 * through a 1 kHz one-pole low-pass so that cymbals do not duck the mix), threshold −12 dBFS, 2:1, 6 dB soft
 * knee, make-up +1.5 dB so the bus level stays where it was before (about −16..−14 dBFS RMS). It glues
 * sustained material and narrows loud–quiet swings; the 30 ms attack lets drum transients through on
 * purpose, so the beat stays as easy to hear (and to track) as before. The limiter still catches the peaks.
 */
final class MasterBus {
    static final double CEILING = 0.98;
    private static final double LIMIT = 0.92;
    private static final double KNEE = 0.85;
    private static final double RECOVERY = 1 - Dsp.decay(0.08);
    static final double HIGH_PASS_HZ = 28;
    static final double LOW_SHELF_HZ = 120;
    static final double HIGH_SHELF_HZ = 6000;
    static final double THRESHOLD_DB = -12;
    static final double RATIO = 2;
    static final double KNEE_DB = 6;
    static final double ATTACK_S = 0.030;
    static final double RELEASE_S = 0.150;
    static final double MAKEUP_DB = 1.5;
    /** The detector listens through a one-pole low-pass, so cymbals and noise do not duck the mix. */
    static final double DETECTOR_LOW_PASS_HZ = 1000;
    private final double gain;
    private final Biquad highPass1 = Biquad.highPass(HIGH_PASS_HZ, 0.5412, Dsp.SR);
    private final Biquad highPass2 = Biquad.highPass(HIGH_PASS_HZ, 1.3066, Dsp.SR);
    private final Biquad lowShelf;
    private final Biquad highShelf;
    private final BusCompressor compressor = new BusCompressor(THRESHOLD_DB, RATIO, KNEE_DB, ATTACK_S, RELEASE_S,
            MAKEUP_DB, DETECTOR_LOW_PASS_HZ, Dsp.SR);
    private final long totalFrames;
    private final long fadeStart;
    private final long fadeFrames;
    private double limiterGain = 1;

    MasterBus(Style style, double gain, long totalFrames, double fadeS) {
        this.gain = gain;
        double[] tilt = tiltDb(style);
        this.lowShelf = Biquad.lowShelf(LOW_SHELF_HZ, tilt[0], Dsp.SR);
        this.highShelf = Biquad.highShelf(HIGH_SHELF_HZ, tilt[1], Dsp.SR);
        this.totalFrames = totalFrames;
        this.fadeFrames = Math.max(1, Math.min(totalFrames, Math.round(fadeS * Dsp.SR)));
        this.fadeStart = totalFrames - fadeFrames;
    }

    /** Low- and high-shelf gains in dB for a style (see the class comment). */
    static double[] tiltDb(Style style) {
        return switch (style) {
            case CINEMATIC -> new double[] {1.0, 0.5};
            case LOFI -> new double[] {1.5, -2.5};
            case ELECTRONIC -> new double[] {1.0, 1.5};
            case ACOUSTIC -> new double[] {-1.0, 1.0};
            case AMBIENT -> new double[] {0.5, -1.0};
        };
    }

    /** Writes frames {@code [0, frames)} of the mix, which start at {@code blockStart}, interleaved into {@code out}. */
    void process(Mix mix, long blockStart, int frames, float[] out) {
        for (int i = 0; i < frames; i++) {
            double l = mix.left[i] * gain;
            double r = mix.right[i] * gain;
            l = highShelf.left(lowShelf.left(highPass2.left(highPass1.left(l))));
            r = highShelf.right(lowShelf.right(highPass2.right(highPass1.right(r))));
            double g = compressor.gain(l, r);
            long f = blockStart + i;
            if (f >= fadeStart) {
                double x = (double) (f - fadeStart + 1) / fadeFrames;
                g *= 0.5 * (1 + Math.cos(Math.PI * Math.min(1, x)));
            }
            l *= g;
            r *= g;
            double peak = Math.max(Math.abs(l), Math.abs(r));
            double target = peak * limiterGain > LIMIT ? LIMIT / peak : 1;
            limiterGain = target < limiterGain ? target : limiterGain + (target - limiterGain) * RECOVERY;
            out[2 * i] = (float) softClip(l * limiterGain);
            out[2 * i + 1] = (float) softClip(r * limiterGain);
        }
        highPass1.flushDenormals();
        highPass2.flushDenormals();
        lowShelf.flushDenormals();
        highShelf.flushDenormals();
    }

    private static double softClip(double x) {
        double a = Math.abs(x);
        if (a <= KNEE) {
            return x;
        }
        double y = KNEE + (CEILING - KNEE) * Math.tanh((a - KNEE) / (CEILING - KNEE));
        // tanh < 1 keeps y below the ceiling; the min only guards float rounding.
        return Math.copySign(Math.min(y, CEILING - 1e-6), x);
    }
}
