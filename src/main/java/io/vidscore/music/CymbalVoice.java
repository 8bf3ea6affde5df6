package io.vidscore.music;

/**
 * Hi-hats and crash: six detuned square waves at the inharmonic ratios of the TR-808 cymbal circuit
 * (metallic shimmer) mixed with white noise, high-passed; the part sets brightness and decay time.
 * SHAKER is noise alone, band-passed around 6 kHz, with a 6 ms attack (the beads' swing) and short decay.
 */
final class CymbalVoice extends Voice {
    private static final double[] METAL_HZ = {205.3, 304.4, 369.6, 522.7, 540.0, 800.0};
    private final Noise noise = new Noise();
    private final Svf highPass = new Svf();
    private final double[] phases = new double[METAL_HZ.length];
    private final double[] increments = new double[METAL_HZ.length];
    private double amplitude;
    private double decay;
    private double level;
    private double send;
    private double metalLevel;
    private double attack;
    private double attackStep;

    CymbalVoice() {
        for (int i = 0; i < METAL_HZ.length; i++) {
            increments[i] = 1.7 * METAL_HZ[i] / Dsp.SR;
        }
    }

    @Override
    void onStart(NoteEvent event) {
        noise.seed(event.noiseSeed());
        highPass.reset();
        java.util.Arrays.fill(phases, 0);
        amplitude = event.velocity();
        metalLevel = 0.09;
        attack = 1;
        attackStep = 0;
        switch (event.part()) {
            case CRASH -> {
                highPass.set(4500, 0.7);
                decay = Dsp.decay(0.6);
                level = 0.8;
                send = 0.25;
            }
            case SHAKER -> {
                highPass.set(5200, 0.9);
                decay = Dsp.decay(0.045);
                level = 1.5;
                send = 0.08;
                metalLevel = 0;
                attack = 0;
                attackStep = 1 / (0.006 * Dsp.SR);
            }
            case OPEN_HAT -> {
                highPass.set(7000, 0.8);
                decay = Dsp.decay(0.16);
                level = 1.75;
                send = 0.1;
            }
            default -> {
                highPass.set(7500, 0.8);
                decay = Dsp.decay(0.035);
                level = 1.9;
                send = 0.05;
            }
        }
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            double metal = 0;
            for (int k = 0; k < phases.length && metalLevel > 0; k++) {
                double p = phases[k] + increments[k];
                if (p >= 1) {
                    p -= 1;
                }
                phases[k] = p;
                metal += p < 0.5 ? 1 : -1;
            }
            double s = level * amplitude * attack * highPass.highPass(metalLevel * metal + 0.5 * noise.next());
            if (attack < 1) {
                attack = Math.min(1, attack + attackStep);
            } else {
                amplitude *= decay;
            }
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * send);
        }
        return amplitude > 2e-3;
    }
}
