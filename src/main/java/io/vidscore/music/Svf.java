package io.vidscore.music;

/**
 * Zero-delay-feedback state-variable filter (Zavalishin/Simper "TPT" form): stable under fast cutoff
 * modulation, which the bass filter envelope needs, and gives low-, band- and high-pass from one core.
 */
final class Svf {
    private double a1;
    private double a2;
    private double a3;
    private double k;
    private double ic1;
    private double ic2;
    private double band;
    private double low;

    void set(double cutoffHz, double q) {
        double fc = Math.max(10, Math.min(cutoffHz, 0.45 * Dsp.SR));
        double g = Math.tan(Math.PI * fc / Dsp.SR);
        k = 1 / q;
        a1 = 1 / (1 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
    }

    void reset() {
        ic1 = 0;
        ic2 = 0;
    }

    private void tick(double v0) {
        double v3 = v0 - ic2;
        band = a1 * ic1 + a2 * v3;
        low = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2 * band - ic1;
        ic2 = 2 * low - ic2;
    }

    double lowPass(double x) {
        tick(x);
        return low;
    }

    double bandPass(double x) {
        tick(x);
        return band;
    }

    double highPass(double x) {
        tick(x);
        return x - k * band - low;
    }
}
