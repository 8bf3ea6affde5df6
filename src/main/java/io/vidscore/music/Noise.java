package io.vidscore.music;

/** Xorshift64 white noise: a few integer operations per sample and reproducible from its seed. */
final class Noise {
    private long state = 1;

    void seed(long seed) {
        // Zero is xorshift's one fixed point; mix the seed so nearby seeds give unrelated streams.
        long s = seed * 0x9E3779B97F4A7C15L;
        s ^= s >>> 31;
        state = s == 0 ? 0x2545F4914F6CDD1DL : s;
    }

    /** Uniform in [−1, 1). */
    double next() {
        long x = state;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        state = x;
        return (x >>> 11) * 0x1.0p-52 - 1.0;
    }
}
