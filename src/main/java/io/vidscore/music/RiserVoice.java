package io.vidscore.music;

/**
 * Riser: white noise through a band-pass sweeping up from 300 Hz to 6 kHz over the note's gate, growing
 * louder towards its end, then stopping fast — the swell that announces a cut. The pitch of the event
 * sets nothing; the gate is the length of the sweep.
 */
final class RiserVoice extends Voice {
    private static final int CONTROL_PERIOD = 32;
    private static final double LEVEL = 0.9;
    private static final double SEND = 0.5;
    private static final double STOP = Dsp.decay(0.02);
    private final Noise noise = new Noise();
    private final Svf filter = new Svf();
    private long gate;
    private long age;
    private double velocity;
    private double amplitude;
    private int countdown;

    @Override
    void onStart(NoteEvent event) {
        noise.seed(event.noiseSeed());
        filter.reset();
        gate = Math.max(1, event.gateFrames());
        age = 0;
        velocity = event.velocity();
        amplitude = 0;
        countdown = 0;
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        for (int i = from; i < to; i++) {
            if (countdown-- <= 0) {
                double x = Math.min(1, (double) age / gate);
                filter.set(300 * Math.pow(20, x), 2.5);
                if (age < gate) {
                    amplitude = velocity * x * x;
                }
                countdown = CONTROL_PERIOD - 1;
            }
            if (age >= gate) {
                amplitude *= STOP;
            }
            age++;
            double s = LEVEL * amplitude * filter.bandPass(noise.next());
            mix.left[i] += (float) (s * gainLeft);
            mix.right[i] += (float) (s * gainRight);
            mix.send[i] += (float) (s * SEND);
        }
        return age < gate || amplitude > 1e-4;
    }
}
