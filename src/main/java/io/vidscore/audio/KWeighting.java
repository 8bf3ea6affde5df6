package io.vidscore.audio;

/**
 * One channel of the ITU-R BS.1770-4 K-weighting filter: a high shelf (+4 dB above ~1.7 kHz,
 * modelling the acoustic effect of the head) followed by the "RLB" high-pass (~38 Hz), both
 * second-order sections run in double precision.
 *
 * <p>The coefficients are derived from the analog prototypes for any sample rate, the same
 * parametrisation libebur128 and ffmpeg use, so that readings agree with those tools; at 48 kHz
 * they reproduce the coefficients printed in BS.1770-4 Table 1/2 to ~1e-8.
 */
final class KWeighting {
    // Analog prototype of the shelf ("pre-filter") and the high-pass, as fitted to the BS.1770 tables.
    private static final double SHELF_F0 = 1681.974450955533;
    private static final double SHELF_GAIN_DB = 3.999843853973347;
    private static final double SHELF_Q = 0.7071752369554196;
    private static final double SHELF_VB_EXPONENT = 0.4996667741545416;
    private static final double HIGHPASS_F0 = 38.13547087602444;
    private static final double HIGHPASS_Q = 0.5003270373238773;

    private static final double[] SHELF = shelfCoefficients(PcmSink.SAMPLE_RATE);
    private static final double[] HIGHPASS = highPassCoefficients(PcmSink.SAMPLE_RATE);

    private final double sb0 = SHELF[0], sb1 = SHELF[1], sb2 = SHELF[2], sa1 = SHELF[3], sa2 = SHELF[4];
    private final double hb0 = HIGHPASS[0], hb1 = HIGHPASS[1], hb2 = HIGHPASS[2], ha1 = HIGHPASS[3], ha2 = HIGHPASS[4];
    // Transposed direct form II state: two delay registers per section.
    private double s1, s2, h1, h2;

    /** {b0, b1, b2, a1, a2} of the high shelf at {@code sampleRate} (a0 normalised to 1). */
    static double[] shelfCoefficients(double sampleRate) {
        double k = Math.tan(Math.PI * SHELF_F0 / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_VB_EXPONENT);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        return new double[] {
            (vh + vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - vh) / a0,
            (vh - vb * k / SHELF_Q + k * k) / a0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / SHELF_Q + k * k) / a0,
        };
    }

    /**
     * {b0, b1, b2, a1, a2} of the RLB high-pass at {@code sampleRate}. The numerator is left at
     * (1, -2, 1) as in BS.1770's table rather than normalised: the standard's 0 dB reference at
     * 1 kHz (-0.691 dB offset in the loudness formula) assumes exactly this gain.
     */
    static double[] highPassCoefficients(double sampleRate) {
        double k = Math.tan(Math.PI * HIGHPASS_F0 / sampleRate);
        double a0 = 1.0 + k / HIGHPASS_Q + k * k;
        return new double[] {
            1.0, -2.0, 1.0,
            2.0 * (k * k - 1.0) / a0,
            (1.0 - k / HIGHPASS_Q + k * k) / a0,
        };
    }

    /** Filters one sample. */
    double process(double x) {
        double y = sb0 * x + s1;
        s1 = sb1 * x - sa1 * y + s2;
        s2 = sb2 * x - sa2 * y;
        double z = hb0 * y + h1;
        h1 = hb1 * y - ha1 * z + h2;
        h2 = hb2 * y - ha2 * z;
        return z;
    }

    /**
     * Zeroes state that has decayed into the denormal range. After a signal stops, the IIR state
     * decays towards zero forever, and denormal arithmetic is 10-100x slower on x86; call this
     * once per block (not per sample) to keep silence after sound cheap.
     */
    void flushDenormals() {
        if (Math.abs(s1) < 1e-30) s1 = 0;
        if (Math.abs(s2) < 1e-30) s2 = 0;
        if (Math.abs(h1) < 1e-30) h1 = 0;
        if (Math.abs(h2) < 1e-30) h2 = 0;
    }
}
