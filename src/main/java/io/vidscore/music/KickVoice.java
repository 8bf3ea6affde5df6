package io.vidscore.music;

/**
 * Membrane drums from one model: a sine whose pitch sweeps down (the "thump"), plus a 1 ms burst of noise
 * (the beater click that gives a sharp onset, so the beat is heard — and tracked — even under pads).
 * <ul>
 * <li>KICK: 155 → 45 Hz, punchy (electronic), or 130 → 50 Hz with a softer click (the acoustic styles);</li>
 * <li>TOM: a low tom, 120 → 82 Hz, longer ring, some reverb;</li>
 * <li>BOOM: the cinematic hit, 70 → 36 Hz with a long body and a big reverb send.</li>
 * </ul>
 */
final class KickVoice extends Voice {
    private final Noise noise = new Noise();
    private final boolean punchy;
    private double phase;
    private double pitchEnvelope;
    private double pitchDecay;
    private double bodyDecay;
    private double clickDecay;
    private double lowHz;
    private double sweepHz;
    private double clickLevel;
    private double level;
    private double send;
    private double body;
    private double click;

    KickVoice(boolean punchy) {
        this.punchy = punchy;
    }

    @Override
    void onStart(NoteEvent event) {
        noise.seed(event.noiseSeed());
        phase = 0;
        pitchEnvelope = 1;
        clickDecay = Dsp.decay(0.0012);
        switch (event.part()) {
            case TOM -> set(82, 38, 0.05, 0.28, 0.35, 1.25, 0.18);
            case BOOM -> set(36, 34, 0.09, 0.7, 0.4, 1.9, 0.35);
            default -> {
                if (punchy) {
                    set(45, 110, 0.035, 0.16, 0.5, 1.6, 0);
                } else {
                    set(50, 80, 0.03, 0.13, 0.32, 1.5, 0);
                }
            }
        }
        body = event.velocity();
        click = event.velocity();
    }

    private void set(double low, double sweep, double pitchTau, double bodyTau, double clickLevel, double level,
                     double send) {
        this.lowHz = low;
        this.sweepHz = sweep;
        this.pitchDecay = Dsp.decay(pitchTau);
        this.bodyDecay = Dsp.decay(bodyTau);
        this.clickLevel = clickLevel;
        this.level = level;
        this.send = send;
    }

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        double gl = gainLeft;
        double gr = gainRight;
        for (int i = from; i < to; i++) {
            double freq = lowHz + sweepHz * pitchEnvelope;
            pitchEnvelope *= pitchDecay;
            phase += freq / Dsp.SR;
            if (phase >= 1) {
                phase -= 1;
            }
            double s = level * (Dsp.sine(phase) * body + clickLevel * click * noise.next());
            body *= bodyDecay;
            click *= clickDecay;
            mix.left[i] += (float) (s * gl);
            mix.right[i] += (float) (s * gr);
            mix.send[i] += (float) (s * send);
        }
        return body > 1e-3;
    }
}
