package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
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

    /**
     * Streaming gives process()'s output sample for sample, for MusicGen's 32k→48k and for a vari-speed ratio,
     * with a source that hands out odd-sized pieces and a reader asking for odd-sized blocks.
     */
    @Test
    void streamingEqualsTheWholeArraySampleForSample() {
        SplittableRandom random = new SplittableRandom(11);
        float[] in = new float[100_003];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) (Math.sin(i * 0.013) * 0.5 + (random.nextDouble() - 0.5) * 0.3);
        }
        for (double outRate : new double[] {48_000, 48_000 * 1.0417, 48_000 / 1.0731, 16_000}) {
            Resampler r = new Resampler(32_000, outRate);
            float[] whole = r.process(in);
            float[] streamed = new float[whole.length + 10];
            int at = 0;
            int[] blocks = {1, 7, 4801, 333, 64};
            try (MonoSource s = r.stream(ragged(in), in.length)) {
                for (int b = 0, got; (got = s.read(streamed, at, blocks[b++ % blocks.length])) > 0; ) {
                    at += got;
                }
            }
            assertEquals(whole.length, at, "output length at " + outRate);
            assertArrayEquals(whole, java.util.Arrays.copyOf(streamed, at), "samples at " + outRate);
        }
    }

    /** A source that never gives more than 333 samples a read. */
    private static MonoSource ragged(float[] samples) {
        MonoSource all = MonoRecording.of(samples).open();
        return (into, off, len) -> all.read(into, off, Math.min(len, 333));
    }
}
