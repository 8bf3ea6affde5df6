package io.vidscore.music;

/**
 * Snare-family hits from a tone and band-passed noise:
 * <ul>
 * <li>SNARE: a two-partial head (180 and 330 Hz) under noise for the wires;</li>
 * <li>RIM: a short, high, woody click (cajón or rim, for the acoustic style) tuned to the note's pitch;</li>
 * <li>CLAP: three noise bursts 11 ms apart, then a short tail — the layered hand clap.</li>
 * </ul>
 */
final class SnareVoice extends Voice {
    private static final double BURST_DECAY = Dsp.decay(0.004);
    private static final int BURST_GAP = (int) Math.round(0.011 * Dsp.SR);
    private final Noise noise = new Noise();
    private final Svf wires = new Svf();
    private final double softness;
    private double tone;
    private double wire;
    private double toneDecay;
    private double wireDecay;
    private double w1;
    private double w2;
    private double phase1;
    private double phase2;
    private double toneLevel;
    private double wireLevel;
    private double send;
    private boolean clap;
    private int age;
    private double burst;

    /** @param softness 0 a crisp pop snare, 1 a dull, brushed one (lofi) */
    SnareVoice(double softness) {
        this.softness = softness;
    }

    @Override
    void onStart(NoteEvent event) {
        noise.seed(event.noiseSeed());
        wires.reset();
        clap = event.part() == Part.CLAP;
        age = 0;
        burst = 1;
        switch (event.part()) {
            case RIM -> {
                wires.set(2500, 1.2);
                toneDecay = Dsp.decay(0.012);
                wireDecay = Dsp.decay(0.01);
                double hz = event.midi() > 0 ? Dsp.hz(event.midi()) : 820;
                w1 = hz / Dsp.SR;
                w2 = 2 * hz / Dsp.SR;
                toneLevel = 1.6;
                wireLevel = 1.2;
                send = 0.2;
            }
            case CLAP -> {
                wires.set(1300, 1.1);
                toneDecay = Dsp.decay(0.001);
                wireDecay = Dsp.decay(0.11);
                w1 = 0;
                w2 = 0;
                toneLevel = 0;
                wireLevel = 3.6;
                send = 0.3;
            }
            default -> {
                wires.set(3200 - 1400 * softness, 0.7);
                toneDecay = Dsp.decay(0.045);
                wireDecay = Dsp.decay(0.13 + 0.05 * softness);
                w1 = 180 / Dsp.SR;
                w2 = 330 / Dsp.SR;
                toneLevel = 0.8;
                wireLevel = 2.5 * (1 - 0.3 * softness);
                send = 0.15;
            }
        }
        tone = event.velocity();
        wire = event.velocity();
        phase1 = 0;
        phase2 = 0;
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            double head = (Dsp.sine(phase1) + 0.6 * Dsp.sine(phase2)) * tone;
            phase1 += w1;
            phase2 += w2;
            double env = wire;
            if (clap) {
                if (age < 2 * BURST_GAP) {
                    if (age % BURST_GAP == 0) {
                        burst = 1;
                    }
                    env = wire * 1.4 * burst;
                    burst *= BURST_DECAY;
                }
                age++;
            }
            double s = toneLevel * head + wireLevel * env * wires.bandPass(noise.next());
            tone *= toneDecay;
            wire *= wireDecay;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * send);
        }
        return wire > 1e-3 || (clap && age < 2 * BURST_GAP);
    }
}
