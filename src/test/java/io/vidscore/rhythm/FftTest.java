package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {
    @Test
    void matchesDirectDft() {
        int n = 64;
        SplittableRandom random = new SplittableRandom(5);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = random.nextDouble(-1, 1);
            im[i] = random.nextDouble(-1, 1);
        }
        double[] expectRe = new double[n];
        double[] expectIm = new double[n];
        for (int k = 0; k < n; k++) {
            for (int t = 0; t < n; t++) {
                double angle = -2 * Math.PI * k * t / n;
                expectRe[k] += re[t] * Math.cos(angle) - im[t] * Math.sin(angle);
                expectIm[k] += re[t] * Math.sin(angle) + im[t] * Math.cos(angle);
            }
        }
        new Fft(n).transform(re, im);
        for (int k = 0; k < n; k++) {
            assertEquals(expectRe[k], re[k], 1e-9);
            assertEquals(expectIm[k], im[k], 1e-9);
        }
    }

    @Test
    void sineLandsInItsBin() {
        int n = 2048;
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = Math.cos(2 * Math.PI * 100 * i / n);
        }
        new Fft(n).transform(re, im);
        assertEquals(n / 2.0, Math.hypot(re[100], im[100]), 1e-6);
        assertEquals(0, Math.hypot(re[101], im[101]), 1e-6);
    }

    @Test
    void rejectsNonPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new Fft(1000));
    }
}
