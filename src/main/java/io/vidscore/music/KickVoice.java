package io.vidscore.music;

/**
 * Kick drum: a sine whose pitch sweeps from about 155 Hz down to 45 Hz (the "thump"), plus a 1 ms burst
 * of noise (the beater click that makes the beat cut through a dense mix and gives a sharp onset).
 */
final class KickVoice extends Voice {
    private static final double PITCH_DECAY = Dsp.decay(0.035);
    private static final double BODY_DECAY = Dsp.decay(0.16);
    private static final double CLICK_DECAY = Dsp.decay(0.0012);
    /** Mix level, set against the other parts (kick about −17 dBFS RMS in the full mix). */
    private static final double LEVEL = 1.6;
    private final Noise noise = new Noise();
    private double phase;
    private double pitchEnvelope;
    private double body;
    private double click;

    @Override
    void onStart(NoteEvent event) {
        noise.seed(event.noiseSeed());
        phase = 0;
        pitchEnvelope = 1;
        body = event.velocity();
        click = event.velocity();
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        double gl = gainLeft;
        double gr = gainRight;
        for (int i = from; i < to; i++) {
            double freq = 45 + 110 * pitchEnvelope;
            pitchEnvelope *= PITCH_DECAY;
            phase += Dsp.TWO_PI * freq / Dsp.SR;
            if (phase > Dsp.TWO_PI) {
                phase -= Dsp.TWO_PI;
            }
            double s = LEVEL * (Math.sin(phase) * body + 0.5 * click * noise.next());
            body *= BODY_DECAY;
            click *= CLICK_DECAY;
            mix.left[i] += (float) (s * gl);
            mix.right[i] += (float) (s * gr);
        }
        return body > 1e-3;
    }
}
