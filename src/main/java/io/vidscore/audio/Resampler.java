package io.vidscore.audio;

/**
 * Band-limited sample-rate conversion by any ratio: windowed-sinc interpolation (Kaiser window, β = 9, 24 zero
 * crossings each side), the kernel tabulated at 512 phases per input sample and linearly interpolated between
 * phases — a polyphase filter whose phase is chosen per output sample, so irrational ratios (a time-stretch by
 * 1.0417) cost the same as 2:3.
 *
 * <p>When converting down the cutoff follows the output's Nyquist frequency (kernel widened by the ratio) so
 * nothing folds back; the cutoff sits at 0.94 of the lower Nyquist to leave room for the transition band.
 * Beyond the ends the input is taken as zero.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 24;
    private static final int PHASES = 512;
    private static final double BETA = 9.0;
    private static final double ROLLOFF = 0.94;
    private static final float[] KERNEL = kernel();

    private final double step;   // input samples per output sample
    private final double cutoff; // relative to the input Nyquist
    private final double reach;  // kernel half-width in input samples

    public Resampler(double inRate, double outRate) {
        if (!(inRate > 0) || !(outRate > 0) || Double.isInfinite(inRate) || Double.isInfinite(outRate)) {
            throw new IllegalArgumentException("rates must be positive, got " + inRate + " -> " + outRate);
        }
        step = inRate / outRate;
        cutoff = ROLLOFF * Math.min(1, outRate / inRate);
        reach = ZERO_CROSSINGS / cutoff;
    }

    /** Output samples for {@code inputLength} input samples: round(inputLength · outRate / inRate). */
    public int outputLength(int inputLength) {
        return (int) Math.round(inputLength / step);
    }

    public float[] process(float[] in) {
        float[] out = new float[outputLength(in.length)];
        for (int n = 0; n < out.length; n++) {
            out[n] = (float) sampleAt(in, n * step);
        }
        return out;
    }

    /** The band-limited input at fractional position t (in input samples). */
    public double sampleAt(float[] in, double t) {
        int first = Math.max(0, (int) Math.ceil(t - reach));
        int last = Math.min(in.length - 1, (int) Math.floor(t + reach));
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += in[i] * kernelAt(Math.abs(i - t) * cutoff);
        }
        return sum * cutoff;
    }

    /** sinc(x)·window at |x| zero crossings, interpolated from the table. */
    private static double kernelAt(double x) {
        double pos = x * PHASES;
        int i = (int) pos;
        if (i >= KERNEL.length - 1) {
            return 0;
        }
        double frac = pos - i;
        return KERNEL[i] + (KERNEL[i + 1] - KERNEL[i]) * frac;
    }

    private static float[] kernel() {
        float[] k = new float[ZERO_CROSSINGS * PHASES + 2];
        double i0Beta = besselI0(BETA);
        for (int i = 0; i < k.length; i++) {
            double x = (double) i / PHASES;
            double r = x / ZERO_CROSSINGS;
            double w = r >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - r * r)) / i0Beta;
            double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
            k[i] = (float) (sinc * w);
        }
        return k;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
