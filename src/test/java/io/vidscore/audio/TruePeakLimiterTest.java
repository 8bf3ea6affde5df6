package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class TruePeakLimiterTest {
    private static final int FS = PcmSink.SAMPLE_RATE;
    private static final double CEILING = -1.0;

    private static float[] stereo(int frames, IntToDoubleFunction left, IntToDoubleFunction right) {
        float[] s = new float[2 * frames];
        for (int i = 0; i < frames; i++) {
            s[2 * i] = (float) left.applyAsDouble(i);
            s[2 * i + 1] = (float) right.applyAsDouble(i);
        }
        return s;
    }

    private static float[] limit(float[] in, int block) {
        Capture out = new Capture();
        Capture.feed(in, block, new TruePeakLimiter(CEILING, out));
        assertTrue(out.closed, "closing the limiter closes its sink");
        return out.samples();
    }

    private static void assertWithinCeiling(String name, float[] in) {
        float[] out = limit(in, 1000);
        assertEquals(in.length, out.length, name + ": output length equals input length");
        for (float v : out) {
            assertTrue(Float.isFinite(v), name + ": finite output");
        }
        LoudnessMeter before = Capture.measure(in);
        LoudnessMeter after = Capture.measure(out);
        System.out.printf("%-28s in %+7.2f dBTP -> out %+9.5f dBTP%n", name, before.truePeakDbtp(), after.truePeakDbtp());
        assertTrue(before.truePeakDbtp() > CEILING + 3, name + ": the test signal must actually need limiting");
        assertTrue(after.truePeakDbtp() <= CEILING, name + ": true peak " + after.truePeakDbtp() + " over the ceiling");
    }

    @Test
    void holdsTheTruePeakCeilingOnHostileSignals() {
        Random rnd = new Random(7);
        int n = 2 * FS;
        float[] noiseL = new float[n], noiseR = new float[n];
        for (int i = 0; i < n; i++) {
            noiseL[i] = (float) (4 * (2 * rnd.nextDouble() - 1)); // white noise peaking at +12 dBFS
            noiseR[i] = (float) (4 * (2 * rnd.nextDouble() - 1));
        }
        assertWithinCeiling("white noise +12 dBFS", stereo(n, i -> noiseL[i], i -> noiseR[i]));
        assertWithinCeiling("1 kHz square x2", stereo(n, i -> (i / 24) % 2 == 0 ? 2 : -2, i -> (i / 24) % 2 == 0 ? -2 : 2));
        // fs/4 sampled off its crests: samples read 3 dB lower than the waveform between them.
        assertWithinCeiling("12 kHz inter-sample peaks", stereo(n,
                i -> 1.4 * Math.sin(Math.PI / 2 * i + Math.PI / 4), i -> 1.4 * Math.sin(Math.PI / 2 * i + 3 * Math.PI / 4)));
        // Isolated full-scale clicks in silence: worst case for ringing and for a gain that has fully released.
        assertWithinCeiling("clicks x8 in silence", stereo(n, i -> i % 12_000 == 6000 ? 8 : 0, i -> i % 12_000 == 6001 ? -8 : 0));
        // Abrupt bursts of a bright tone: the limiter has only the look-ahead to react.
        assertWithinCeiling("5 kHz bursts x4", stereo(n,
                i -> (i / 4800) % 2 == 1 ? 4 * Math.sin(2 * Math.PI * 5000 * i / FS) : 0.01 * Math.sin(2 * Math.PI * 300 * i / FS),
                i -> (i / 4800) % 2 == 1 ? 4 * Math.cos(2 * Math.PI * 5000 * i / FS) : 0));
        // Near-Nyquist content whose inter-sample peaks beat slowly against the samples.
        assertWithinCeiling("19.9 kHz sine x2", stereo(n, i -> 2 * Math.sin(2 * Math.PI * 19_900 * i / FS), i -> 0));
    }

    @Test
    void leavesSignalsUnderTheCeilingUntouchedAndAligned() {
        Random rnd = new Random(3);
        float[] in = stereo(FS, i -> 0.2 * Math.sin(2 * Math.PI * 440 * i / FS) + 0.05 * rnd.nextGaussian(),
                i -> 0.2 * Math.sin(2 * Math.PI * 660 * i / FS));
        assertTrue(Capture.measure(in).truePeakDbtp() < CEILING - 3);
        // Gain is exactly 1, so the output must be the input sample for sample: no shift, no colouring.
        assertArrayEquals(in, limit(in, 777));
    }

    @Test
    void outputDoesNotDependOnBlockSize() {
        Random rnd = new Random(11);
        float[] in = stereo(FS / 2, i -> 3 * rnd.nextGaussian(), i -> Math.sin(i * 0.3) * 2);
        float[] a = limit(in, 1);
        assertArrayEquals(a, limit(in, 4096));
        assertArrayEquals(a, limit(in, 333));
    }

    @Test
    void inputShorterThanTheLookAheadComesOutWhole() {
        float[] in = stereo(50, i -> 0.5, i -> -0.5);
        assertTrue(50 < new TruePeakLimiter(CEILING, new Capture()).latencyFrames());
        float[] out = limit(in, 7);
        assertEquals(100, out.length);
        assertEquals(0, limit(new float[0], 10).length);
    }

    @Test
    void aLoudClickIsNotShiftedInTime() {
        int n = FS;
        int clickAt = 20_000;
        Random rnd = new Random(5);
        float[] noise = new float[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (float) (0.05 * rnd.nextGaussian());
        }
        float[] in = stereo(n, i -> noise[i] + (i == clickAt ? 4 : 0), i -> noise[i] + (i == clickAt ? 4 : 0));
        float[] out = limit(in, 1000);
        int peakAt = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(out[2 * i]) > Math.abs(out[2 * peakAt])) {
                peakAt = i;
            }
        }
        assertEquals(clickAt, peakAt, "the click leaves at the frame it entered");
        assertEquals(bestLag(in, out, clickAt, 2000, 200), 0, "cross-correlation peaks at zero lag");
    }

    /** Lag (output minus input, in frames) that maximises the left-channel cross-correlation around {@code centre}. */
    static int bestLag(float[] in, float[] out, int centre, int halfWindow, int maxLag) {
        int best = 0;
        double bestC = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            double c = 0;
            for (int i = centre - halfWindow; i < centre + halfWindow; i++) {
                int j = i + lag;
                if (j >= 0 && j < out.length / 2 && i >= 0 && i < in.length / 2) {
                    c += (double) in[2 * i] * out[2 * j];
                }
            }
            if (c > bestC) {
                bestC = c;
                best = lag;
            }
        }
        return best;
    }

    @Test
    void gainRecoversAfterAPeak() {
        // A steady -12 dBFS tone with one +12 dBFS click at 0.5 s: half a second later the
        // release (80 ms time constant) must have brought the tone back to within 0.1 dB.
        float[] in = stereo(FS * 3 / 2, i -> 0.25 * Math.sin(2 * Math.PI * 1000 * i / FS) + (i == FS / 2 ? 4 : 0),
                i -> 0.25 * Math.sin(2 * Math.PI * 1000 * i / FS));
        float[] out = limit(in, 512);
        double peakLate = 0;
        for (int i = FS; i < FS * 3 / 2; i++) {
            peakLate = Math.max(peakLate, Math.abs(out[2 * i + 1]));
        }
        assertEquals(20 * Math.log10(0.25), 20 * Math.log10(peakLate), 0.1, "tone level 0.5 s after the click");
        double peakDuring = 0;
        for (int i = FS / 2 - 10; i < FS / 2 + 10; i++) {
            peakDuring = Math.max(peakDuring, Math.abs(out[2 * i + 1]));
        }
        assertTrue(20 * Math.log10(peakDuring) < -20, "stereo-linked: the right channel ducks with the left's click");
    }
}
