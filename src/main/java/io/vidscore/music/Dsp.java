package io.vidscore.music;

import io.vidscore.audio.PcmSink;

/** Small signal-processing helpers shared by the synthesizer voices. */
final class Dsp {
    static final double SR = PcmSink.SAMPLE_RATE;
    static final double TWO_PI = 2 * Math.PI;

    private static final int SINE_BITS = 12;
    private static final int SINE_SIZE = 1 << SINE_BITS;
    private static final float[] SINE = new float[SINE_SIZE + 1];

    static {
        for (int i = 0; i <= SINE_SIZE; i++) {
            SINE[i] = (float) Math.sin(TWO_PI * i / SINE_SIZE);
        }
    }

    private Dsp() {
    }

    /**
     * sin(2π·t) for any phase {@code t} in cycles, from a 4096-point table with linear interpolation
     * (error below 3e-7, about −130 dB): the FM voices call it several times per sample, where
     * Math.sin would dominate the render time.
     */
    static double sine(double t) {
        // The offset keeps x positive for phases down to −2^20 cycles, so a cast truncates like floor.
        double x = (t + 1048576.0) * SINE_SIZE;
        long whole = (long) x;
        double f = x - whole;
        int i = (int) (whole & (SINE_SIZE - 1));
        return SINE[i] + (SINE[i + 1] - SINE[i]) * f;
    }

    static double hz(int midi) {
        return 440 * Math.pow(2, (midi - 69) / 12.0);
    }

    /** Per-sample multiplier of an exponential decay with time constant {@code tauS}: one exp per note, not per sample. */
    static double decay(double tauS) {
        return Math.exp(-1 / (tauS * SR));
    }

    /** Equal-power pan law: pan −1..+1 to {left, right} gains. */
    static double panLeft(double pan) {
        return Math.cos((Math.max(-1, Math.min(1, pan)) + 1) * Math.PI / 4);
    }

    static double panRight(double pan) {
        return Math.sin((Math.max(-1, Math.min(1, pan)) + 1) * Math.PI / 4);
    }

    /** PolyBLEP residual: subtracting it from a naive saw removes most of its aliasing at the wrap. */
    static double polyBlep(double t, double dt) {
        if (t < dt) {
            double x = t / dt;
            return x + x - x * x - 1;
        }
        if (t > 1 - dt) {
            double x = (t - 1) / dt;
            return x * x + x + x + 1;
        }
        return 0;
    }

    /** Band-limited sawtooth in [−1, 1] at phase t ∈ [0, 1) with phase increment dt. */
    static double saw(double t, double dt) {
        return 2 * t - 1 - polyBlep(t, dt);
    }
}
