package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LoudnessMeter} on the synthetic cases of EBU Tech 3341 (loudness, true peak) and Tech 3342 (LRA). */
class LoudnessMeterTest {
    private static final int FS = PcmSink.SAMPLE_RATE;

    /** Streams segments of a stereo 1 kHz sine, each {@code {seconds, dBFS}} (peak level, as Tech 3341 specifies). */
    private static LoudnessMeter sineSegments(double[]... segments) {
        LoudnessMeter m = new LoudnessMeter();
        float[] block = new float[2 * 1024];
        long i = 0;
        for (double[] seg : segments) {
            long n = Math.round(seg[0] * FS);
            double amp = Math.pow(10, seg[1] / 20);
            for (long done = 0; done < n; ) {
                int k = (int) Math.min(1024, n - done);
                for (int j = 0; j < k; j++, i++) {
                    float v = (float) (amp * Math.sin(2 * Math.PI * 1000 * i / FS));
                    block[2 * j] = v;
                    block[2 * j + 1] = v;
                }
                m.write(block, k);
                done += k;
            }
        }
        m.close();
        return m;
    }

    @Test
    void kWeightingCoefficientsMatchTheTablesOfBs1770() {
        assertArrayEquals(new double[] {1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585},
                KWeighting.shelfCoefficients(48_000), 1e-8);
        assertArrayEquals(new double[] {1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621},
                KWeighting.highPassCoefficients(48_000), 1e-8);
    }

    @Test
    void tech3341SteadySines() {
        assertEquals(-23.0, sineSegments(new double[] {20, -23}).integratedLufs(), 0.1, "case 1");
        assertEquals(-33.0, sineSegments(new double[] {20, -33}).integratedLufs(), 0.1, "case 2");
    }

    @Test
    void tech3341GatingCases() {
        assertEquals(-23.0, sineSegments(new double[] {10, -36}, new double[] {60, -23}, new double[] {10, -36})
                .integratedLufs(), 0.1, "case 3: relative gate drops the -36 dB parts");
        assertEquals(-23.0, sineSegments(new double[] {10, -72}, new double[] {10, -36}, new double[] {60, -23},
                new double[] {10, -36}, new double[] {10, -72}).integratedLufs(), 0.1, "case 4: absolute gate too");
        assertEquals(-23.0, sineSegments(new double[] {20, -26}, new double[] {20.1, -20}, new double[] {20, -26})
                .integratedLufs(), 0.1, "case 5: both parts count, energy-averaged");
    }

    @Test
    void tech3342LoudnessRange() {
        assertEquals(10, sineSegments(new double[] {20, -20}, new double[] {20, -30}).loudnessRangeLu(), 1, "case 1");
        assertEquals(5, sineSegments(new double[] {20, -20}, new double[] {20, -15}).loudnessRangeLu(), 1, "case 2");
        assertEquals(20, sineSegments(new double[] {20, -40}, new double[] {20, -20}).loudnessRangeLu(), 1, "case 3");
        assertEquals(0, sineSegments(new double[] {20, -20}).loudnessRangeLu(), 0.1, "a steady tone has no range");
    }

    @Test
    void truePeakSeesBetweenTheSamples() {
        // fs/4 sine sampled 45 degrees off its crests: every sample at 0.5, the wave at 0.707.
        // 50 ms fades: switching a tone on abruptly genuinely overshoots between samples
        // (Gibbs ringing, +0.1 dB here), which is not what this case is about.
        LoudnessMeter m = new LoudnessMeter();
        float[] x = new float[2 * FS];
        int fade = FS / 20;
        for (int i = 0; i < FS; i++) {
            double env = Math.min(1.0, Math.min(i, FS - 1 - i) / (double) fade);
            x[2 * i] = (float) (env * Math.sqrt(0.5) * Math.sin(Math.PI / 2 * i + Math.PI / 4));
            x[2 * i + 1] = 0;
        }
        m.write(x, FS);
        m.close();
        assertEquals(20 * Math.log10(0.5), m.samplePeakDbfs(), 1e-3);
        assertEquals(20 * Math.log10(Math.sqrt(0.5)), m.truePeakDbtp(), 0.05, "3 dB over the sample peak");

        // Tech 3341-style: a 997 Hz sine at 0 dBFS reads 0 dBTP (+0.2/-0.4 allowed).
        LoudnessMeter s = sineSegments(new double[] {2, 0});
        assertTrue(s.truePeakDbtp() <= 0.2 && s.truePeakDbtp() >= -0.4, "1 kHz at 0 dBFS: " + s.truePeakDbtp());
    }

    @Test
    void silenceAndTooShortReadMinusInfinity() {
        LoudnessMeter silent = new LoudnessMeter();
        silent.write(new float[2 * FS], FS);
        silent.close();
        assertEquals(Double.NEGATIVE_INFINITY, silent.integratedLufs());
        assertEquals(Double.NEGATIVE_INFINITY, silent.truePeakDbtp());
        assertEquals(Double.NEGATIVE_INFINITY, silent.samplePeakDbfs());
        assertEquals(0.0, silent.loudnessRangeLu());
        assertEquals(FS, silent.frames());

        // 350 ms of loud tone: not one complete 400 ms gating block.
        assertEquals(Double.NEGATIVE_INFINITY, sineSegments(new double[] {0.35, -10}).integratedLufs());
        assertEquals(-10.0, sineSegments(new double[] {0.35, -10}).samplePeakDbfs(), 0.01, "peaks are still measured");
    }

    @Test
    void resultsDoNotDependOnBlockSize() {
        Random rnd = new Random(1);
        float[] x = new float[2 * 3 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.1 * rnd.nextGaussian() * (1 + Math.sin(i * 1e-4)));
        }
        double[] ref = null;
        for (int block : new int[] {1, 4800, 12_345, 3 * FS}) {
            LoudnessMeter m = new LoudnessMeter();
            Capture.feed(x, block, m);
            double[] got = {m.integratedLufs(), m.truePeakDbtp(), m.samplePeakDbfs(), m.frames()};
            if (ref == null) {
                ref = got;
            }
            assertArrayEquals(ref, got, 1e-9, "block size " + block);
        }
    }

    @Test
    void refusesWritesAfterClose() {
        LoudnessMeter m = new LoudnessMeter();
        m.close();
        m.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> m.write(new float[2], 1));
        assertThrows(IllegalArgumentException.class, () -> new LoudnessMeter().write(new float[2], 2));
    }
}
