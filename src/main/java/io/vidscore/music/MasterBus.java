package io.vidscore.music;

/**
 * Final gain staging: master gain, the closing fade, a peak limiter and a soft clipper.
 *
 * <p>The limiter's gain drops at once to keep peaks at {@value #LIMIT} and recovers over ~80 ms; the
 * clipper then rounds anything above {@value #KNEE} smoothly towards, but never past,
 * {@value #CEILING}. The fade is a raised cosine reaching zero exactly at the last frame, so the piece
 * ends by decaying, never by a cut.
 */
final class MasterBus {
    static final double CEILING = 0.98;
    private static final double LIMIT = 0.92;
    private static final double KNEE = 0.85;
    private static final double RECOVERY = 1 - Dsp.decay(0.08);
    private final double gain;
    private final long totalFrames;
    private final long fadeStart;
    private final long fadeFrames;
    private double limiterGain = 1;

    MasterBus(double gain, long totalFrames, double fadeS) {
        this.gain = gain;
        this.totalFrames = totalFrames;
        this.fadeFrames = Math.max(1, Math.min(totalFrames, Math.round(fadeS * Dsp.SR)));
        this.fadeStart = totalFrames - fadeFrames;
    }

    /** Writes frames {@code [0, frames)} of the mix, which start at {@code blockStart}, interleaved into {@code out}. */
    void process(Mix mix, long blockStart, int frames, float[] out) {
        for (int i = 0; i < frames; i++) {
            long f = blockStart + i;
            double g = gain;
            if (f >= fadeStart) {
                double x = (double) (f - fadeStart + 1) / fadeFrames;
                g *= 0.5 * (1 + Math.cos(Math.PI * Math.min(1, x)));
            }
            double l = mix.left[i] * g;
            double r = mix.right[i] * g;
            double peak = Math.max(Math.abs(l), Math.abs(r));
            double target = peak * limiterGain > LIMIT ? LIMIT / peak : 1;
            limiterGain = target < limiterGain ? target : limiterGain + (target - limiterGain) * RECOVERY;
            out[2 * i] = (float) softClip(l * limiterGain);
            out[2 * i + 1] = (float) softClip(r * limiterGain);
        }
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
