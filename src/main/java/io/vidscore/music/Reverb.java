package io.vidscore.music;

/**
 * A small Freeverb (Schroeder–Moorer): four damped feedback combs in parallel and two all-passes in
 * series per channel, the right channel's delays 23 samples longer for width. Only the pad, lead and
 * snare sends go through it, so drums and bass stay dry and tight.
 */
final class Reverb {
    private static final int[] COMBS = {1116, 1188, 1277, 1356};
    private static final int[] ALLPASSES = {556, 441};
    private static final int STEREO_SPREAD = 23;
    private static final double FEEDBACK = 0.83;
    private static final double DAMP = 0.3;
    private static final double INPUT_GAIN = 0.06;
    private final Channel left = new Channel(0);
    private final Channel right = new Channel(STEREO_SPREAD);

    private static final class Channel {
        private final double[][] comb;
        private final int[] combIndex;
        private final double[] combFilter;
        private final double[][] allpass;
        private final int[] allpassIndex;

        Channel(int spread) {
            double scale = Dsp.SR / 44_100.0;
            comb = new double[COMBS.length][];
            for (int i = 0; i < COMBS.length; i++) {
                comb[i] = new double[(int) Math.round((COMBS[i] + spread) * scale)];
            }
            combIndex = new int[COMBS.length];
            combFilter = new double[COMBS.length];
            allpass = new double[ALLPASSES.length][];
            for (int i = 0; i < ALLPASSES.length; i++) {
                allpass[i] = new double[(int) Math.round((ALLPASSES[i] + spread) * scale)];
            }
            allpassIndex = new int[ALLPASSES.length];
        }

        double process(double in) {
            double out = 0;
            for (int c = 0; c < comb.length; c++) {
                double[] buf = comb[c];
                int i = combIndex[c];
                double y = buf[i];
                combFilter[c] = y * (1 - DAMP) + combFilter[c] * DAMP;
                buf[i] = in + combFilter[c] * FEEDBACK;
                combIndex[c] = i + 1 == buf.length ? 0 : i + 1;
                out += y;
            }
            for (int a = 0; a < allpass.length; a++) {
                double[] buf = allpass[a];
                int i = allpassIndex[a];
                double b = buf[i];
                buf[i] = out + b * 0.5;
                out = b - out;
                allpassIndex[a] = i + 1 == buf.length ? 0 : i + 1;
            }
            return out;
        }
    }

    /** Adds the wet signal of {@code mix.send} into the mix's stereo buffers. */
    void process(Mix mix, int frames, double wetGain) {
        for (int i = 0; i < frames; i++) {
            double in = mix.send[i] * INPUT_GAIN;
            mix.left[i] += (float) (left.process(in) * wetGain);
            mix.right[i] += (float) (right.process(in) * wetGain);
        }
    }
}
