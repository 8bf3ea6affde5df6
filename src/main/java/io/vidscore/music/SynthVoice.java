package io.vidscore.music;

/**
 * Subtractive voice for basses and the arp: a band-limited sawtooth, a sine at the note and a sine an
 * octave below, through a resonant low-pass whose cutoff jumps up at each note and falls back (the
 * "pluck" of a synth bass, the thump of a finger or an upright), with an amplitude that sustains or
 * decays while held. Filter coefficients are updated every {@value #CONTROL_PERIOD} samples because the
 * filter's tan() is too costly per sample.
 */
final class SynthVoice extends Voice {
    private static final int CONTROL_PERIOD = 16;

    /**
     * @param saw       sawtooth level
     * @param fundamental sine at the note
     * @param sub       sine an octave below
     * @param cutoff    resting cutoff, Hz
     * @param depth     cutoff jump at full velocity, Hz
     * @param filterTau cutoff envelope time constant, s
     * @param q         resonance
     * @param attackS   linear attack
     * @param decayTau  amplitude time constant while held (0: sustain)
     * @param releaseTau amplitude time constant after the gate
     * @param level     output level
     * @param send      reverb send
     */
    record Patch(double saw, double fundamental, double sub, double cutoff, double depth, double filterTau, double q,
                 double attackS, double decayTau, double releaseTau, double level, double send) {
    }

    static Patch synthBass(double brightness) {
        return new Patch(0.55, 0, 0.6, 110 + 250 * brightness, 900 + 1500 * brightness, 0.09, 2.2, 0.004, 0, 0.025,
                0.78, 0);
    }

    static Patch subBass() {
        return new Patch(0.12, 0.8, 0.25, 180, 150, 0.3, 0.8, 0.05, 0, 0.2, 0.8, 0.05);
    }

    static Patch fingerBass(double brightness) {
        return new Patch(0.3, 0.75, 0, 300 + 200 * brightness, 700, 0.06, 1.0, 0.003, 1.2, 0.05, 1.0, 0);
    }

    static Patch uprightBass() {
        return new Patch(0.2, 0.9, 0, 240, 900, 0.035, 1.2, 0.002, 0.55, 0.06, 1.2, 0.08);
    }

    static Patch arp(double brightness) {
        return new Patch(0.7, 0, 0, 500 + 600 * brightness, 3500, 0.07, 2.0, 0.002, 0.16, 0.04, 0.3, 0.35);
    }

    private final Patch p;
    private final double filterDecay;
    private final double attackStep;
    private final double holdDecay;
    private final double release;
    private final Svf filter = new Svf();
    private double phase;
    private double increment;
    private double subPhase;
    private double velocity;
    private double amplitude;
    private double envelope;
    private double filterEnvelope;
    private long gateLeft;
    private int controlCountdown;

    SynthVoice(Patch patch) {
        this.p = patch;
        this.filterDecay = Math.pow(Dsp.decay(patch.filterTau()), CONTROL_PERIOD);
        this.attackStep = 1 / (Math.max(1e-4, patch.attackS()) * Dsp.SR);
        this.holdDecay = patch.decayTau() > 0 ? Dsp.decay(patch.decayTau()) : 1;
        this.release = Dsp.decay(patch.releaseTau());
    }

    @Override
    void onStart(NoteEvent event) {
        increment = Dsp.hz(event.midi()) / Dsp.SR;
        phase = 0;
        subPhase = 0;
        velocity = event.velocity();
        amplitude = 0;
        envelope = 1;
        filterEnvelope = 1;
        gateLeft = event.gateFrames();
        controlCountdown = 0;
        filter.reset();
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        double saw = p.saw();
        double fundamental = p.fundamental();
        double sub = p.sub();
        double gain = p.level() * velocity;
        for (int i = from; i < to; i++) {
            if (controlCountdown-- <= 0) {
                filter.set(p.cutoff() + p.depth() * filterEnvelope * velocity, p.q());
                filterEnvelope *= filterDecay;
                controlCountdown = CONTROL_PERIOD - 1;
            }
            if (gateLeft > 0) {
                gateLeft--;
                if (amplitude < 1) {
                    amplitude = Math.min(1, amplitude + attackStep);
                }
                envelope *= holdDecay;
            } else {
                envelope *= release;
            }
            double osc = (saw > 0 ? saw * Dsp.saw(phase, increment) : 0) + fundamental * Dsp.sine(phase)
                    + (sub > 0 ? sub * Dsp.sine(0.5 * phase + subPhase) : 0);
            phase += increment;
            if (phase >= 1) {
                phase -= 1;
                subPhase += 0.5;
                if (subPhase >= 1) {
                    subPhase -= 1;
                }
            }
            double s = gain * filter.lowPass(osc) * amplitude * envelope;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * p.send());
        }
        return gateLeft > 0 ? envelope > 1e-3 : envelope * amplitude > 1e-3;
    }
}
