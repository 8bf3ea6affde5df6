package io.vidscore.rhythm;

/**
 * In-place iterative radix-2 complex FFT (forward, e^{-2 pi i k n / N}, no scaling).
 * Twiddles and the bit-reversal permutation are built once, so a transform allocates nothing:
 * the onset tracker runs one per 10 ms of audio.
 */
public final class Fft {
    private final int size;
    private final int[] bitReversed;
    private final double[] cos;
    private final double[] sin;

    public Fft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        int bits = Integer.numberOfTrailingZeros(size);
        bitReversed = new int[size];
        for (int i = 0; i < size; i++) {
            bitReversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
        cos = new double[size / 2];
        sin = new double[size / 2];
        for (int k = 0; k < size / 2; k++) {
            double angle = -2 * Math.PI * k / size;
            cos[k] = Math.cos(angle);
            sin[k] = Math.sin(angle);
        }
    }

    public int size() {
        return size;
    }

    /** Replaces {@code (re, im)} (each at least {@link #size()} long) by its discrete Fourier transform. */
    public void transform(double[] re, double[] im) {
        if (re.length < size || im.length < size) {
            throw new IllegalArgumentException("arrays shorter than FFT size " + size);
        }
        for (int i = 0; i < size; i++) {
            int j = bitReversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= size; len <<= 1) {
            int half = len >> 1;
            int step = size / len;
            for (int start = 0; start < size; start += len) {
                for (int k = 0, w = 0; k < half; k++, w += step) {
                    int a = start + k;
                    int b = a + half;
                    double xr = re[b] * cos[w] - im[b] * sin[w];
                    double xi = re[b] * sin[w] + im[b] * cos[w];
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
