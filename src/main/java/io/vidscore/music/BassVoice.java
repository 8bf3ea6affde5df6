package io.vidscore.music;

/**
 * Bass: sawtooth plus a sine an octave below, through a resonant low-pass whose cutoff jumps up at each
 * note and falls back (the "pluck" of a synth bass). Coefficients are updated every
 * {@value #CONTROL_PERIOD} samples because the filter's tan() is too costly per sample.
 */
final class BassVoice extends Voice {
    private static final int CONTROL_PERIOD = 16;
    private static final double FILTER_DECAY = Math.pow(Dsp.decay(0.09), CONTROL_PERIOD);
    private static final double ATTACK_STEP = 1 / (0.004 * Dsp.SR);
    private static final double RELEASE = Dsp.decay(0.025);
    private static final double LEVEL = 0.78;
    private final Svf filter = new Svf();
    private double phase;
    private double increment;
    private double subPhase;
    private double subIncrement;
    private double velocity;
    private double amplitude;
    private double filterEnvelope;
    private long gateLeft;
    private int controlCountdown;
    private final double baseCutoff;
    private final double envelopeDepth;

    BassVoice(double brightness) {
        baseCutoff = 110 + 250 * brightness;
        envelopeDepth = 900 + 1500 * brightness;
    }

    @Override
    void onStart(NoteEvent event) {
        double hz = Dsp.hz(event.midi());
        increment = hz / Dsp.SR;
        subIncrement = increment / 2;
        phase = 0;
        subPhase = 0;
        velocity = event.velocity();
        amplitude = 0;
        filterEnvelope = 1;
        gateLeft = event.gateFrames();
        controlCountdown = 0;
        filter.reset();
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            if (controlCountdown-- <= 0) {
                filter.set(baseCutoff + envelopeDepth * filterEnvelope * velocity, 2.2);
                filterEnvelope *= FILTER_DECAY;
                controlCountdown = CONTROL_PERIOD - 1;
            }
            if (gateLeft > 0) {
                gateLeft--;
                amplitude = Math.min(1, amplitude + ATTACK_STEP);
            } else {
                amplitude *= RELEASE;
            }
            double osc = 0.55 * Dsp.saw(phase, increment) + 0.6 * Math.sin(Dsp.TWO_PI * subPhase);
            phase += increment;
            if (phase >= 1) {
                phase -= 1;
            }
            subPhase += subIncrement;
            if (subPhase >= 1) {
                subPhase -= 1;
            }
            double s = LEVEL * filter.lowPass(osc) * amplitude * velocity;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
        }
        return gateLeft > 0 || amplitude > 1e-4;
    }
}
