package io.vidscore.audio;

/**
 * Estimates the true (inter-sample) peak of one channel by 4x oversampling with a polyphase FIR
 * interpolator, the structure of ITU-R BS.1770-4 Annex 2.
 *
 * <p>The Annex's example filter has only 12 taps per phase and droops by several tenths of a dB
 * near 20 kHz, which under-reads peaks of bright material. This one is a Kaiser-windowed sinc
 * (32 taps per phase, beta 9, cutoff 0.97 of the input Nyquist frequency, each phase normalised
 * to unity DC gain): flat within 0.0001 dB up to 16 kHz and -0.06 dB at 20 kHz, and it agrees
 * with ffmpeg's ebur128 (which oversamples with libswresample) to within its 0.1 dB display
 * precision on the reference signals. (A 24-tap version was 0.25 dB down at 20 kHz: limiting to
 * its estimate let ffmpeg read 0.1-0.5 dB over the ceiling on bright material.)
 *
 * <p>Because the filter is centred, the interpolated values around sample {@code n} are known
 * only once sample {@code n + DELAY} has arrived: {@link #next} reports the peak of the interval
 * {@code [n, n+1)} where {@code n} is the input index minus {@link #DELAY}.
 */
final class TruePeakOversampler {
    static final int FACTOR = 4;
    static final int TAPS_PER_PHASE = 32;
    /** Input samples between a sample's arrival and the report of the peak around it. */
    static final int DELAY = TAPS_PER_PHASE / 2;

    private static final double KAISER_BETA = 9.0;
    private static final double CUTOFF = 0.97;
    /** COEFFS[phase][tap]: weight of input sample (n - DELAY + 1 + tap) for the output at n + phase/4. */
    private static final double[][] COEFFS = design();

    // Each sample is written twice, at pos and pos + TAPS_PER_PHASE, so the newest
    // TAPS_PER_PHASE samples always lie contiguous at history[pos+1 .. pos+TAPS_PER_PHASE]:
    // the inner loop then needs no wrap-around test.
    private final double[] history = new double[2 * TAPS_PER_PHASE];
    private int pos;

    private static double[][] design() {
        double[][] c = new double[FACTOR][TAPS_PER_PHASE];
        double half = TAPS_PER_PHASE / 2.0;
        for (int p = 0; p < FACTOR; p++) {
            double sum = 0;
            for (int i = 0; i < TAPS_PER_PHASE; i++) {
                double t = (i - (DELAY - 1)) - p / (double) FACTOR; // input time minus output time, in samples
                double r = t / half;
                double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0.0, 1.0 - r * r))) / besselI0(KAISER_BETA);
                double x = CUTOFF * t;
                double sinc = x == 0 ? 1.0 : Math.sin(Math.PI * x) / (Math.PI * x);
                c[p][i] = CUTOFF * sinc * window;
                sum += c[p][i];
            }
            for (int i = 0; i < TAPS_PER_PHASE; i++) {
                c[p][i] /= sum;
            }
        }
        return c;
    }

    /** Modified Bessel function of the first kind, order 0 (power series; converges fast for beta <= 20). */
    private static double besselI0(double x) {
        double sum = 1, term = 1, q = x * x / 4;
        for (int k = 1; k < 50; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    /**
     * Takes the next input sample and returns the largest magnitude among sample
     * {@code n = input - DELAY} itself and the three interpolated points after it
     * (n + 1/4, n + 1/2, n + 3/4). Before DELAY samples have arrived the window is zero-padded.
     */
    double next(double x) {
        history[pos] = x;
        history[pos + TAPS_PER_PHASE] = x;
        int base = pos + 1;
        pos = pos + 1 == TAPS_PER_PHASE ? 0 : pos + 1;
        double peak = Math.abs(history[base + DELAY - 1]); // the sample itself: never under-read the sample peak
        for (int p = 0; p < FACTOR; p++) {
            double[] c = COEFFS[p];
            double acc = 0;
            for (int i = 0; i < TAPS_PER_PHASE; i++) {
                acc += c[i] * history[base + i];
            }
            peak = Math.max(peak, Math.abs(acc));
        }
        return peak;
    }
}
