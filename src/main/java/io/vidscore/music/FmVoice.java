package io.vidscore.music;

/**
 * Two-operator FM (a sine modulating a sine's phase), the classic recipe for keys and mallets:
 * <ul>
 * <li>EPIANO: Rhodes-like — modulator at the carrier's frequency whose index falls from bright to mellow
 *     (the bark of the tine), a touch of a 14× "tine" partial at the attack, slow decay while held;</li>
 * <li>VIBES: modulator at 4× with a small index (the bar's overtone), 5 Hz tremolo, long decay;</li>
 * <li>CELESTA: modulator at 3× then quickly softening: a bell-like, dark celesta.</li>
 * </ul>
 * The carrier's sine comes from {@link Dsp#sine}'s table; the modulator and the tine, at constant
 * frequencies, are rotating phasors (a complex multiply per sample), renormalised every control block.
 */
final class FmVoice extends Voice {
    private double modX;
    private double modY;
    private double modCos;
    private double modSin;
    private double tineX;
    private double tineY;
    private double tineCos;
    private double tineSin;
    private double carrierPhase;
    private double carrierInc;
    private double modInc;
    private double tineInc;
    private double index;
    private double indexFloor;
    private double indexDecay;
    private double tine;
    private double tineDecay;
    private double amplitude;
    private double holdDecay;
    private double release;
    private double tremoloPhase;
    private double tremoloInc;
    private double level;
    private double send;
    private double attack;
    private double attackStep;
    private long gateLeft;
    private final double bright;

    /** @param brightness 0..1, scales the FM index */
    FmVoice(double brightness) {
        this.bright = 0.7 + 0.6 * brightness;
    }

    @Override
    void onStart(NoteEvent event) {
        double hz = Dsp.hz(event.midi());
        double v = event.velocity();
        carrierInc = hz / Dsp.SR;
        carrierPhase = 0;
        tremoloPhase = 0;
        attack = 0;
        attackStep = 1 / (0.002 * Dsp.SR);
        switch (event.part()) {
            case VIBES -> {
                modInc = 4 * carrierInc;
                index = 0.9 * v * bright;
                indexFloor = 0.05;
                indexDecay = Dsp.decay(0.15);
                tine = 0;
                tineInc = 0;
                holdDecay = Dsp.decay(1.6);
                release = Dsp.decay(0.2);
                tremoloInc = 5.0 / Dsp.SR;
                level = 0.5;
                send = 0.4;
            }
            case CELESTA -> {
                modInc = 3 * carrierInc;
                index = 1.2 * v * bright;
                indexFloor = 0.1;
                indexDecay = Dsp.decay(0.06);
                tine = 0;
                tineInc = 0;
                holdDecay = Dsp.decay(1.1);
                release = Dsp.decay(0.35);
                tremoloInc = 0;
                level = 0.45;
                send = 0.55;
            }
            default -> {
                modInc = carrierInc;
                index = (0.9 + 1.1 * v) * bright;
                indexFloor = 0.25;
                indexDecay = Dsp.decay(0.25);
                tine = 0.35 * v;
                tineInc = 14 * carrierInc;
                tineDecay = Dsp.decay(0.012);
                holdDecay = Dsp.decay(2.2);
                release = Dsp.decay(0.12);
                tremoloInc = 0;
                level = 0.4;
                send = 0.3;
            }
        }
        level *= v;
        amplitude = 1;
        modX = 1;
        modY = 0;
        modCos = Math.cos(Dsp.TWO_PI * modInc);
        modSin = Math.sin(Dsp.TWO_PI * modInc);
        tineX = 1;
        tineY = 0;
        tineCos = Math.cos(Dsp.TWO_PI * tineInc);
        tineSin = Math.sin(Dsp.TWO_PI * tineInc);
        gateLeft = event.gateFrames();
    }

    /**
     * Envelopes (FM index, amplitude, tremolo) run at control rate, every {@value #CONTROL} samples, and are
     * ramped linearly in between: the audio loop is then two table sines and a few multiply-adds.
     */
    private static final int CONTROL = 16;

    @Override
    boolean renderFrames(Mix mix, int from, int to) {
        double gl = gainLeft * level;
        double gr = gainRight * level;
        double sendGain = send * level;
        int i = from;
        while (i < to) {
            int n = Math.min(CONTROL, to - i);
            double g0 = amplitude * attack * tremolo();
            double i0 = index + indexFloor;
            // Advance the envelopes by n samples.
            for (int k = 0; k < n; k++) {
                index *= indexDecay;
                if (gateLeft > 0) {
                    gateLeft--;
                    amplitude *= holdDecay;
                } else {
                    amplitude *= release;
                }
            }
            attack = Math.min(1, attack + attackStep * n);
            tremoloPhase += tremoloInc * n;
            double g1 = amplitude * attack * tremolo();
            double dg = (g1 - g0) / n;
            double di = (index + indexFloor - i0) / n;
            double g = g0;
            double ix = i0;
            double mx = modX;
            double my = modY;
            boolean ringing = tine > 1e-4;
            for (int k = 0; k < n; k++, i++) {
                double s = Dsp.sine(carrierPhase + ix * my);
                double nx = mx * modCos - my * modSin;
                my = mx * modSin + my * modCos;
                mx = nx;
                if (ringing) {
                    s += tine * tineY;
                    double tx = tineX * tineCos - tineY * tineSin;
                    tineY = tineX * tineSin + tineY * tineCos;
                    tineX = tx;
                    tine *= tineDecay;
                }
                carrierPhase += carrierInc;
                if (carrierPhase >= 1) {
                    carrierPhase -= 1;
                }
                double out = g * s;
                g += dg;
                ix += di;
                mix.left[i] += (float) (out * gl);
                mix.right[i] += (float) (out * gr);
                mix.send[i] += (float) (out * sendGain);
            }
            // Keep the phasors on the unit circle (rounding would slowly change their amplitude).
            double norm = 1.5 - 0.5 * (mx * mx + my * my);
            modX = mx * norm;
            modY = my * norm;
            if (ringing) {
                double tn = 1.5 - 0.5 * (tineX * tineX + tineY * tineY);
                tineX *= tn;
                tineY *= tn;
            }
        }
        return amplitude > 1e-3;
    }

    private double tremolo() {
        return tremoloInc > 0 ? 1 - 0.25 * (0.5 + 0.5 * Dsp.sine(tremoloPhase)) : 1;
    }
}
