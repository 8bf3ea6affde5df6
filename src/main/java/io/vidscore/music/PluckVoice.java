package io.vidscore.music;

/**
 * Plucked string by Karplus–Strong: a delay line one period long, filled with a burst of low-passed
 * noise, fed back through a two-point average (the string's high-frequency loss) and a first-order
 * all-pass that supplies the fractional part of the period, so notes are in tune and not rounded to a
 * whole sample (a 17-cent error at 660 Hz). Loop gain sets a ~1.5 s ring; releasing the key damps it.
 */
final class PluckVoice extends Voice {
    private static final int MAX_DELAY = 2048;
    private static final double RING_S = 1.5;
    private static final double DAMP = Dsp.decay(0.07);
    private static final double SEND = 0.35;
    private static final double LEVEL = 3.0;
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

    /** @param hardness 0..1, how bright the pluck's excitation is */
    PluckVoice(double hardness) {
        this.hardness = hardness;
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
        loopGain = Math.pow(10, -3 / (hz * RING_S));
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
        life = Math.round(4 * Dsp.SR);
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
                amplitude *= DAMP;
            }
            double s = LEVEL * out * amplitude;
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * SEND);
        }
        life -= to - from;
        return amplitude > 1e-4 && life > 0;
    }
}
