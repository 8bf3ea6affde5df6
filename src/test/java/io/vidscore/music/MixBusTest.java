package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MixBusTest {
    private static final double SR = 48000;

    /** Gain in dB of the bus high-pass (both sections) for a sine, measured after the transient. */
    private static double highPassGainDb(double hz) {
        Biquad a = Biquad.highPass(MasterBus.HIGH_PASS_HZ, 0.5412, SR);
        Biquad b = Biquad.highPass(MasterBus.HIGH_PASS_HZ, 1.3066, SR);
        int n = (int) (4 * SR);
        double in = 0;
        double out = 0;
        for (int i = 0; i < n; i++) {
            double x = Math.sin(2 * Math.PI * hz * i / SR);
            double y = b.left(a.left(x));
            if (i >= n / 2) {
                in += x * x;
                out += y * y;
            }
        }
        return 10 * Math.log10(out / in);
    }

    @Test
    void highPassRemovesRumbleAndKeepsTheBass() {
        double at15 = highPassGainDb(15);
        double at200 = highPassGainDb(200);
        System.out.printf("bus high-pass: 15 Hz %.1f dB, 200 Hz %.2f dB%n", at15, at200);
        assertTrue(at15 <= -12, "15 Hz " + at15);
        assertTrue(Math.abs(at200) <= 1, "200 Hz " + at200);
    }

    /** Accented drum-like pattern: loud kicks, medium snares, quiet hats, every 250 ms, decaying 50 ms. */
    private static double[] drums(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / SR;
            double tb = t % 0.25;
            int k = (int) (t / 0.25) % 8;
            double amp = k % 4 == 0 ? 0.9 : k % 2 == 0 ? 0.35 : 0.12;
            x[i] = amp * Math.exp(-tb / 0.05) * Math.sin(2 * Math.PI * 90 * tb);
        }
        return x;
    }

    /** The compressor as the bus uses it (no make-up). */
    private static double[] compress(double[] x) {
        BusCompressor c = new BusCompressor(MasterBus.THRESHOLD_DB, MasterBus.RATIO, MasterBus.KNEE_DB,
                MasterBus.ATTACK_S, MasterBus.RELEASE_S, 0, MasterBus.DETECTOR_LOW_PASS_HZ, SR);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * c.gain(x[i], x[i]);
        }
        return y;
    }

    private static double rmsDb(double[] x, double fromS, double toS) {
        double sum = 0;
        int from = (int) (fromS * SR);
        int to = (int) (toS * SR);
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    private static double crestDb(double[] x) {
        double peak = 0;
        double sum = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
            sum += v * v;
        }
        return 20 * Math.log10(peak / Math.sqrt(sum / x.length));
    }

    @Test
    void compressorNarrowsTheGapBetweenLoudAndQuietDrums() {
        // The drum pattern at full level for 2 s, then 14 dB down for 2 s.
        double[] x = drums((int) (4 * SR));
        for (int i = x.length / 2; i < x.length; i++) {
            x[i] *= 0.2;
        }
        double[] y = compress(x);
        double before = rmsDb(x, 0.5, 2) - rmsDb(x, 2.5, 4);
        double after = rmsDb(y, 0.5, 2) - rmsDb(y, 2.5, 4);
        System.out.printf("bus compressor: loud-quiet drum gap %.2f dB -> %.2f dB; crest factor %.2f dB -> %.2f dB%n",
                before, after, crestDb(x), crestDb(y));
        assertTrue(after < before - 0.5, before + " -> " + after);
    }

    @Test
    void compressorLeavesAQuietSignalAlone() {
        double[] x = new double[(int) (2 * SR)];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.05 * Math.sin(2 * Math.PI * 440 * i / SR); // −29 dBFS RMS, well under the knee
        }
        double[] y = compress(x);
        double worst = 0;
        for (int i = 0; i < y.length; i++) {
            if (x[i] != 0) {
                worst = Math.max(worst, Math.abs(20 * Math.log10(Math.abs(y[i] / x[i]))));
            }
        }
        System.out.printf("bus compressor: quiet signal changed by at most %.4f dB%n", worst);
        assertTrue(worst < 0.1, "changed by " + worst + " dB");
        assertEquals(0, new BusCompressor(-20, 2, 6, 0.01, 0.15, 0, 1000, SR).gainDb(-30), 0);
    }
}
