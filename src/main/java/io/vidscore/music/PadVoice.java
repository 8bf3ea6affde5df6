package io.vidscore.music;

/**
 * Sustained ensemble note: two sawtooths detuned by ± a few cents (the slow beating gives the "ensemble"
 * width) through a gentle low-pass, with a slow attack and a long release so consecutive chords
 * cross-fade. Patches: the synth pad, the string section (slower swell, darker, with vibrato) and the
 * contrabass (low, dark, faster attack).
 */
final class PadVoice extends Voice {
    /**
     * @param detuneCents ± detune of the two saws
     * @param attackTau   attack time constant, s
     * @param releaseTau  release time constant, s
     * @param cutoff      low-pass cutoff, Hz
     * @param vibratoHz   vibrato rate (0 for none); depth is fixed at ±0.25 %
     * @param level       output level
     * @param send        reverb send
     */
    record Patch(double detuneCents, double attackTau, double releaseTau, double cutoff, double vibratoHz,
                 double level, double send) {
    }

    static Patch pad(double brightness) {
        return new Patch(7, 0.35, 0.45, 900 + 2200 * brightness, 0, 0.27, 0.45);
    }

    static Patch strings(double brightness) {
        return new Patch(9, 0.55, 0.45, 1400 + 1400 * brightness, 5.2, 0.17, 0.6);
    }

    static Patch contrabass() {
        return new Patch(5, 0.12, 0.35, 420, 0, 0.45, 0.15);
    }

    private final Patch p;
    private final double attack;
    private final double release;
    private final double detune;
    private final Svf filter = new Svf();
    private double phaseA;
    private double phaseB;
    private double incA;
    private double incB;
    private double vibratoPhase;
    private final double vibratoInc;
    private double vibrato = 1;
    private double velocity;
    private double amplitude;
    private long gateLeft;

    PadVoice(Patch patch) {
        this.p = patch;
        this.attack = 1 - Dsp.decay(patch.attackTau());
        this.release = 1 - Dsp.decay(patch.releaseTau());
        this.detune = Math.pow(2, patch.detuneCents() / 1200.0);
        this.vibratoInc = patch.vibratoHz() / Dsp.SR;
    }

    @Override
    void onStart(NoteEvent event) {
        double hz = Dsp.hz(event.midi());
        incA = hz * detune / Dsp.SR;
        incB = hz / detune / Dsp.SR;
        // Different start phases per note avoid a synchronised click at every chord change.
        phaseA = (event.noiseSeed() >>> 40) / (double) (1L << 24);
        phaseB = 1 - phaseA;
        vibratoPhase = phaseA;
        velocity = event.velocity();
        amplitude = 0;
        gateLeft = event.gateFrames();
        filter.reset();
        filter.set(p.cutoff(), 0.8);
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        double gain = p.level() * velocity;
        for (int i = from; i < to; i++) {
            if (gateLeft > 0) {
                gateLeft--;
                amplitude += (1 - amplitude) * attack;
            } else {
                amplitude -= amplitude * release;
            }
            if (vibratoInc > 0 && (i & 15) == 0) {
                vibratoPhase += 16 * vibratoInc;
                vibrato = 1 + 0.0025 * Dsp.sine(vibratoPhase);
            }
            double a = incA * vibrato;
            double b = incB * vibrato;
            double osc = Dsp.saw(phaseA, a) + Dsp.saw(phaseB, b);
            phaseA += a;
            if (phaseA >= 1) {
                phaseA -= 1;
            }
            phaseB += b;
            if (phaseB >= 1) {
                phaseB -= 1;
            }
            double s = gain * filter.lowPass(osc) * amplitude;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * p.send());
        }
        return gateLeft > 0 || amplitude > 5e-3;
    }
}
