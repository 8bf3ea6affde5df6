package io.vidscore.audio;

/**
 * A linear-phase low-pass (65-tap Kaiser-windowed sinc, beta 7: flat within 0.03 dB to 19 kHz,
 * -2 dB at 20 kHz, -6 dB at 20.5 kHz, -50 dB from 22 kHz) with its 32-frame delay compensated: output frame i is input
 * frame i, filtered, and the output has the input's length.
 *
 * <p>Why it sits in front of the limiter in {@link Mastering#chain}: "true peak" is only well
 * defined for content the interpolator passes flat. Between ~20 kHz and Nyquist every meter's
 * interpolator rolls off differently, so a limiter that pins peaks at its own estimate can read
 * several tenths of a dB over the ceiling on another meter (limited white noise: ours -1.10,
 * ffmpeg -0.6, ideal reconstruction +1.1 dBTP). Removing that inaudible band first makes the
 * readings of different meters agree, so the ceiling holds on the platform's meter too: after
 * {@link Mastering#chain}, ffmpeg reads the same noise and the test mix at -1.1 dBTP.
 */
final class BandLimit implements PcmSink {
    static final int TAPS = 65;
    static final int DELAY = TAPS / 2;
    private static final double CUTOFF_HZ = 20_500;
    private static final double KAISER_BETA = 7.0;
    private static final double[] H = design();

    private final PcmSink out;
    // Each channel's history twice over (see TruePeakOversampler): contiguous windows, no wrap test.
    private final double[] left = new double[2 * TAPS];
    private final double[] right = new double[2 * TAPS];
    private int pos;
    private long framesIn;
    private long framesOut;
    private long limit = Long.MAX_VALUE;
    private float[] buffer = new float[0];
    private boolean closed;

    BandLimit(PcmSink out) {
        this.out = out;
    }

    private static double[] design() {
        double[] h = new double[TAPS];
        double fc = CUTOFF_HZ / SAMPLE_RATE; // cycles per sample
        double i0Beta = besselI0(KAISER_BETA);
        double sum = 0;
        for (int k = 0; k < TAPS; k++) {
            double t = k - DELAY;
            double r = t / DELAY;
            double sinc = t == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
            h[k] = sinc * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / i0Beta;
            sum += h[k];
        }
        for (int k = 0; k < TAPS; k++) {
            h[k] /= sum; // exactly 0 dB at DC
        }
        return h;
    }

    private static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    @Override
    public void write(float[] interleaved, int frames) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        process(interleaved, frames);
    }

    private void process(float[] in, int frames) {
        if (buffer.length < 2 * frames) {
            buffer = new float[2 * frames];
        }
        int emitted = 0;
        for (int i = 0; i < frames; i++) {
            double l = in == null ? 0 : in[2 * i];
            double r = in == null ? 0 : in[2 * i + 1];
            left[pos] = l;
            left[pos + TAPS] = l;
            right[pos] = r;
            right[pos + TAPS] = r;
            int base = pos + 1; // window oldest..newest = [base, base + TAPS)
            pos = pos + 1 == TAPS ? 0 : pos + 1;
            if (framesIn++ < DELAY || framesOut >= limit) {
                continue; // the first DELAY outputs belong to time before the input started
            }
            double yl = 0, yr = 0;
            for (int k = 0; k < TAPS; k++) {
                yl += H[k] * left[base + k];   // symmetric filter: orientation does not matter
                yr += H[k] * right[base + k];
            }
            buffer[2 * emitted] = (float) yl;
            buffer[2 * emitted + 1] = (float) yr;
            emitted++;
            framesOut++;
        }
        if (emitted > 0) {
            out.write(buffer, emitted);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        limit = framesIn;
        process(null, DELAY);
        out.close();
    }
}
