package io.vidscore.music;

/**
 * Membrane drums from one model: a sine whose pitch sweeps down (the "thump"), plus a 1 ms burst of noise
 * (the beater click that gives a sharp onset, so the beat is heard — and tracked — even under pads).
 * <ul>
 * <li>KICK: settling on the note's pitch (the tonic, C#1–C2, 35–65 Hz) from 3.4 times it, punchy
 *     (electronic), or from about twice it with a softer click (the other styles);</li>
 * <li>TOM: a low tom settling on the note's pitch (the tonic, E2–Eb3), longer ring, some reverb;</li>
 * <li>BOOM: the cinematic hit, from twice the note's pitch (the tonic, D1–C#2) down to it, with a long
 *     body and a big reverb send.</li>
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
            case TOM -> {
                double hz = event.midi() > 0 ? Dsp.hz(event.midi()) : 82;
                set(hz, 0.45 * hz, 0.05, 0.2, 0.35, 1.25, 0.18);
            }
            case BOOM -> {
                double hz = event.midi() > 0 ? Dsp.hz(event.midi()) : 36;
                set(hz, hz, 0.09, 0.5, 0.4, 1.5, 0.35);
            }
            default -> {
                double hz = event.midi() > 0 ? Dsp.hz(event.midi()) : 45;
                if (punchy) {
                    set(hz, 2.4 * hz, 0.035, 0.16, 0.5, 1.6, 0);
                } else {
                    set(hz, 1.1 * hz, 0.03, 0.13, 0.32, 1.6, 0);
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
            double s = Dsp.sine(phase) * body;
            if (click > 1e-4) {
                s += clickLevel * click * noise.next();
                click *= clickDecay;
            }
            s *= level;
            body *= bodyDecay;
            mix.left[i] += (float) (s * gl);
            mix.right[i] += (float) (s * gr);
            mix.send[i] += (float) (s * send);
        }
        return body > 2e-3;
    }
}
