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

    /** The same for a long input. */
    public long outputLength(long inputLength) {
        return Math.round(inputLength / step);
    }

    /**
     * The output of {@link #process} for {@code length} samples read from {@code in}, produced as it is read
     * with only the samples within the kernel's reach kept: sample for sample what {@code process} gives on the
     * whole array.
     */
    public MonoSource stream(MonoSource in, long length) {
        return new Streaming(in, length);
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
        return sampleAt(in, 0, in.length, t);
    }

    /**
     * The same where {@code held} holds input samples {@code [start, …)} of an input {@code length} samples long,
     * including every one within reach of t.
     */
    private double sampleAt(float[] held, long start, long length, double t) {
        long first = Math.max(0, (long) Math.ceil(t - reach));
        long last = Math.min(length - 1, (long) Math.floor(t + reach));
        double sum = 0;
        for (long i = first; i <= last; i++) {
            sum += held[(int) (i - start)] * kernelAt(Math.abs(i - t) * cutoff);
        }
        return sum * cutoff;
    }

    /** A sliding window over the input: what the kernel reaches from the current output sample. */
    private final class Streaming implements MonoSource {
        private final MonoSource in;
        private final long inLength;
        private final long outLength;
        private float[] held = new float[1 << 14];
        private long heldStart;
        private int heldCount;
        private long n;

        Streaming(MonoSource in, long inLength) {
            this.in = in;
            this.inLength = inLength;
            this.outLength = outputLength(inLength);
        }

        @Override
        public int read(float[] into, int off, int len) {
            int k = 0;
            while (k < len && n < outLength) {
                double t = n * step;
                long from = Math.max(0, (long) Math.ceil(t - reach));
                long to = Math.min(inLength, (long) Math.floor(t + reach) + 1);
                hold(from, to);
                into[off + k++] = (float) sampleAt(held, heldStart, inLength, t);
                n++;
            }
            return k;
        }

        /** Makes {@code held} cover input samples [from, to); drops what lies before {@code from}. */
        private void hold(long from, long to) {
            int drop = (int) Math.min(heldCount, Math.max(0, from - heldStart));
            if (drop > held.length / 2) {
                System.arraycopy(held, drop, held, 0, heldCount - drop);
                heldStart += drop;
                heldCount -= drop;
            }
            while (heldStart + heldCount < to) {
                if (heldCount == held.length) {
                    held = java.util.Arrays.copyOf(held, 2 * held.length);
                }
                int want = (int) Math.min(held.length - heldCount, inLength - heldStart - heldCount);
                int got = in.read(held, heldCount, want);
                if (got <= 0) { // the source ended early: the rest is silence, as beyond the ends
                    java.util.Arrays.fill(held, heldCount, heldCount + want, 0f);
                    got = want;
                }
                heldCount += got;
            }
        }

        @Override
        public void close() {
            in.close();
        }
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
