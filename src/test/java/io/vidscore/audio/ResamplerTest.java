package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResamplerTest {
    private static float[] sine(double hz, int rate, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.8 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    @Test
    void sineAt32kBecomesTheSameSineAt48k() {
        float[] out = new Resampler(32_000, 48_000).process(sine(1000, 32_000, 32_000));
        assertEquals(48_000, out.length);
        double maxErr = 0;
        for (int i = 1000; i < out.length - 1000; i++) { // away from the zero-padded ends
            maxErr = Math.max(maxErr, Math.abs(out[i] - 0.8 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0)));
        }
        assertTrue(maxErr < 1e-3, "max error " + maxErr);
    }

    @Test
    void irrationalRatioKeepsFrequencyAndLevel() {
        double ratio = 1.0417; // a vari-speed stretch: 440 Hz comes out at 440 / ratio
        float[] out = new Resampler(48_000, 48_000 * ratio).process(sine(440, 48_000, 48_000));
        double hz = 440 / ratio;
        double maxErr = 0;
        for (int i = 2000; i < out.length - 2000; i++) {
            maxErr = Math.max(maxErr, Math.abs(out[i] - 0.8 * Math.sin(2 * Math.PI * hz * i / 48_000.0)));
        }
        assertTrue(maxErr < 1e-3, "max error " + maxErr);
    }

    @Test
    void downsamplingRemovesWhatTheNewRateCannotHold() {
        float[] out = new Resampler(48_000, 32_000).process(sine(19_000, 48_000, 48_000)); // above 16 kHz
        double sum = 0;
        int n = 0;
        for (int i = 1000; i < out.length - 1000; i++) {
            sum += out[i] * out[i];
            n++;
        }
        double rmsDb = 10 * Math.log10(sum / n / (0.8 * 0.8 / 2));
        assertTrue(rmsDb < -60, "alias level " + rmsDb + " dB");
        float[] kept = new Resampler(48_000, 32_000).process(sine(1000, 48_000, 48_000));
        assertEquals(0.8, peak(kept, 1000), 0.01);
    }

    private static double peak(float[] x, int margin) {
        double p = 0;
        for (int i = margin; i < x.length - margin; i++) {
            p = Math.max(p, Math.abs(x[i]));
        }
        return p;
    }
}
