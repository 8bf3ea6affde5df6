package io.vidscore.music;

/**
 * One pad note: two sawtooths detuned ±7 cents (the slow beating gives the "ensemble" width) through a
 * gentle low-pass, with a slow attack and a long release so consecutive chords cross-fade.
 */
final class PadVoice extends Voice {
    private static final double DETUNE = Math.pow(2, 7 / 1200.0);
    private static final double ATTACK = 1 - Dsp.decay(0.35);
    private static final double RELEASE = 1 - Dsp.decay(0.45);
    private static final double SEND = 0.45;
    /** Three notes of two saws each: kept low so the pad sits behind drums and bass. */
    private static final double LEVEL = 0.27;
    private final Svf filter = new Svf();
    private final double cutoffHz;
    private double phaseA;
    private double phaseB;
    private double incA;
    private double incB;
    private double velocity;
    private double amplitude;
    private long gateLeft;

    PadVoice(double cutoffHz) {
        this.cutoffHz = cutoffHz;
    }

    @Override
    void onStart(NoteEvent event) {
        double hz = Dsp.hz(event.midi());
        incA = hz * DETUNE / Dsp.SR;
        incB = hz / DETUNE / Dsp.SR;
        // Different start phases per note avoid a synchronised click at every chord change.
        phaseA = (event.noiseSeed() >>> 40) / (double) (1L << 24);
        phaseB = 1 - phaseA;
        velocity = event.velocity();
        amplitude = 0;
        gateLeft = event.gateFrames();
        filter.reset();
        filter.set(cutoffHz, 0.8);
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            if (gateLeft > 0) {
                gateLeft--;
                amplitude += (1 - amplitude) * ATTACK;
            } else {
                amplitude -= amplitude * RELEASE;
            }
            double osc = Dsp.saw(phaseA, incA) + Dsp.saw(phaseB, incB);
            phaseA += incA;
            if (phaseA >= 1) {
                phaseA -= 1;
            }
            phaseB += incB;
            if (phaseB >= 1) {
                phaseB -= 1;
            }
            double s = LEVEL * filter.lowPass(osc) * amplitude * velocity;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * SEND);
        }
        return gateLeft > 0 || amplitude > 2e-3;
    }
}
