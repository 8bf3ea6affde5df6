package io.vidscore.music;

import io.vidscore.audio.PcmSink;

/** Small signal-processing helpers shared by the synthesizer voices. */
final class Dsp {
    static final double SR = PcmSink.SAMPLE_RATE;
    static final double TWO_PI = 2 * Math.PI;

    private Dsp() {
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
