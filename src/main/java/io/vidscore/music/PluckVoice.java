package io.vidscore.music;

/**
 * Plucked string by Karplus–Strong: a delay line one period long, filled with a burst of low-passed
 * noise, fed back through a two-point average (the string's high-frequency loss) and a first-order
 * all-pass that supplies the fractional part of the period, so notes are in tune and not rounded to a
 * whole sample (a 17-cent error at 660 Hz). Loop gain sets the ring; releasing the key damps it.
 * Patches: the synth pluck lead, the steel-string strummed guitar, the nylon melody guitar and the
 * short, dark pizzicato of the cinematic ostinato.
 */
final class PluckVoice extends Voice {
    private static final int MAX_DELAY = 2048;
    /**
     * @param ringS    time to fall by 60 dB while held
     * @param hardness 0..1, how bright the excitation is
     * @param dampTau  decay after the key is released, s
     * @param level    output level
     * @param send     reverb send
     */
    record Patch(double ringS, double hardness, double dampTau, double level, double send) {
    }

    static Patch lead(double saturation) {
        return new Patch(1.5, saturation, 0.07, 3.0, 0.35);
    }

    static Patch guitar(double saturation) {
        return new Patch(2.2, 0.15 + 0.25 * saturation, 0.05, 1.25, 0.25);
    }

    static Patch nylon() {
        return new Patch(1.6, 0.2, 0.08, 2.6, 0.3);
    }

    static Patch pizzicato() {
        return new Patch(0.45, 0.15, 0.04, 2.6, 0.45);
    }

    private final double ringS;
    private final double damp;
    private final double send;
    private final double level;
    private final double[] line = new double[MAX_DELAY];
    private final Noise noise = new Noise();
    private final double hardness;
    private int length;
    private int index;
    private double loopGain;
    private double allpass;
    private double apIn;
    private double apOut;
    private double amplitude;
    private long gateLeft;
    private long life;

    PluckVoice(Patch patch) {
        this.hardness = Math.max(0, Math.min(1, patch.hardness()));
        this.ringS = patch.ringS();
        this.damp = Dsp.decay(patch.dampTau());
        this.send = patch.send();
        this.level = patch.level();
    }

    @Override
    void onStart(NoteEvent event) {
        double hz = Dsp.hz(event.midi());
        double period = Dsp.SR / hz;
        // Averaging the oldest two samples of an L-long line delays by L − 0.5; the all-pass adds
        // the rest, kept within [0.1, 1.1) samples where its delay is flat enough.
        length = Math.max(2, Math.min(MAX_DELAY, (int) Math.floor(period + 0.4)));
        double fraction = period + 0.5 - length;
        allpass = (1 - fraction) / (1 + fraction);
        loopGain = Math.pow(10, -3 / (hz * ringS));
        noise.seed(event.noiseSeed());
        double smoothing = 0.25 + 0.6 * hardness;
        double previous = 0;
        double mean = 0;
        for (int i = 0; i < length; i++) {
            previous += smoothing * (noise.next() - previous);
            line[i] = previous;
            mean += previous;
        }
        mean /= length;
        for (int i = 0; i < length; i++) {
            line[i] = (line[i] - mean) * event.velocity();
        }
        index = 0;
        apIn = 0;
        apOut = 0;
        amplitude = 1;
        gateLeft = event.gateFrames();
        life = Math.round(Math.min(4, 1.2 * ringS) * Dsp.SR);
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            int next = index + 1 == length ? 0 : index + 1;
            double out = line[index];
            double averaged = loopGain * 0.5 * (out + line[next]);
            double tuned = allpass * averaged + apIn - allpass * apOut;
            apIn = averaged;
            apOut = tuned;
            line[index] = tuned;
            index = next;
            if (gateLeft > 0) {
                gateLeft--;
            } else {
                amplitude *= damp;
            }
            double s = level * out * amplitude;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * send);
        }
        life -= to - from;
        return amplitude > 1e-4 && life > 0;
    }
}
