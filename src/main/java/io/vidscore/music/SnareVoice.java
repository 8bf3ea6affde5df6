package io.vidscore.music;

/** Snare: a short two-partial drum-head tone (180 and 330 Hz) under band-passed noise for the wires. */
final class SnareVoice extends Voice {
    private static final double TONE_DECAY = Dsp.decay(0.045);
    private static final double WIRE_DECAY = Dsp.decay(0.13);
    private static final double W1 = Dsp.TWO_PI * 180 / Dsp.SR;
    private static final double W2 = Dsp.TWO_PI * 330 / Dsp.SR;
    private static final double SEND = 0.15;
    private static final double LEVEL = 1.8;
    private final Noise noise = new Noise();
    private final Svf wires = new Svf();
    private double tone;
    private double wire;
    private double phase1;
    private double phase2;

    SnareVoice() {
        wires.set(3200, 0.7);
    }

    @Override
    void onStart(NoteEvent event) {
        noise.seed(event.noiseSeed());
        wires.reset();
        tone = event.velocity();
        wire = event.velocity();
        phase1 = 0;
        phase2 = 0;
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            double head = (Math.sin(phase1) + 0.6 * Math.sin(phase2)) * tone;
            phase1 += W1;
            phase2 += W2;
            double s = LEVEL * (0.45 * head + 1.4 * wire * wires.bandPass(noise.next()));
            tone *= TONE_DECAY;
            wire *= WIRE_DECAY;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * SEND);
        }
        return wire > 1e-3;
    }
}
