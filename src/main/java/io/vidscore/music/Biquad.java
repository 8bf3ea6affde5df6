package io.vidscore.music;

/**
 * A stereo biquad (transposed direct form II, double precision) with coefficients from Robert
 * Bristow-Johnson's "Audio EQ Cookbook". One instance filters both channels with separate state; it
 * allocates nothing after construction.
 */
final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;
    private double zl1;
    private double zl2;
    private double zr1;
    private double zr2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    /** Cookbook high-pass at {@code f0} Hz with quality {@code q} (0.7071: Butterworth). */
    static Biquad highPass(double f0, double q, double sampleRate) {
        double w = 2 * Math.PI * f0 / sampleRate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / (2 * q);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    /** Cookbook low shelf: {@code gainDb} below {@code f0} Hz, shelf slope S = 1. */
    static Biquad lowShelf(double f0, double gainDb, double sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w = 2 * Math.PI * f0 / sampleRate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / 2 * Math.sqrt(2); // S = 1
        double sq = 2 * Math.sqrt(a) * alpha;
        return new Biquad(a * ((a + 1) - (a - 1) * cos + sq), 2 * a * ((a - 1) - (a + 1) * cos),
                a * ((a + 1) - (a - 1) * cos - sq), (a + 1) + (a - 1) * cos + sq, -2 * ((a - 1) + (a + 1) * cos),
                (a + 1) + (a - 1) * cos - sq);
    }

    /** Cookbook high shelf: {@code gainDb} above {@code f0} Hz, shelf slope S = 1. */
    static Biquad highShelf(double f0, double gainDb, double sampleRate) {
        double a = Math.pow(10, gainDb / 40);
        double w = 2 * Math.PI * f0 / sampleRate;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / 2 * Math.sqrt(2);
        double sq = 2 * Math.sqrt(a) * alpha;
        return new Biquad(a * ((a + 1) + (a - 1) * cos + sq), -2 * a * ((a - 1) + (a + 1) * cos),
                a * ((a + 1) + (a - 1) * cos - sq), (a + 1) - (a - 1) * cos + sq, 2 * ((a - 1) - (a + 1) * cos),
                (a + 1) - (a - 1) * cos - sq);
    }

    double left(double x) {
        double y = b0 * x + zl1;
        zl1 = b1 * x - a1 * y + zl2;
        zl2 = b2 * x - a2 * y;
        return y;
    }

    double right(double x) {
        double y = b0 * x + zr1;
        zr1 = b1 * x - a1 * y + zr2;
        zr2 = b2 * x - a2 * y;
        return y;
    }

    /** Flushes denormal-sized state to zero (call once per block; keeps silence cheap on every CPU). */
    void flushDenormals() {
        if (Math.abs(zl1) < 1e-25) {
            zl1 = 0;
        }
        if (Math.abs(zl2) < 1e-25) {
            zl2 = 0;
        }
        if (Math.abs(zr1) < 1e-25) {
            zr1 = 0;
        }
        if (Math.abs(zr2) < 1e-25) {
            zr2 = 0;
        }
    }
}
