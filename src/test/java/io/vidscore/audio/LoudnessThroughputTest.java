package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Prints how many times faster than real time the meter and the limiter run on one thread
 * (the render is single-threaded, so this is per core). Informational: no timing is asserted,
 * because CI machines are shared.
 */
class LoudnessThroughputTest {
    private static final int BLOCK = 960;

    @Test
    void printsThroughput() {
        SyntheticMix mix = new SyntheticMix(10);
        Capture audio = new Capture();
        mix.render(0, audio);
        float[] x = audio.samples();
        double seconds = x.length / 2.0 / PcmSink.SAMPLE_RATE;

        PcmSink discard = new PcmSink() {
            @Override
            public void write(float[] interleaved, int frames) {
            }
        };
        double meter = 0, limiter = 0;
        for (int round = 0; round < 4; round++) { // the first rounds warm up the JIT; keep the best
            meter = Math.max(meter, seconds / time(() -> Capture.feed(x, BLOCK, new LoudnessMeter())));
            limiter = Math.max(limiter, seconds / time(() -> Capture.feed(x, BLOCK, new TruePeakLimiter(-1.0, discard))));
        }
        double chain = seconds / time(() -> {
            LoudnessMeter m = new LoudnessMeter();
            Capture.feed(x, BLOCK, Mastering.chain(-3, m));
        });
        System.out.printf("throughput, one thread: LoudnessMeter %.0fx real time, TruePeakLimiter %.0fx,"
                + " gain+limiter+meter %.0fx%n", meter, limiter, chain);
        assertTrue(meter > 0 && limiter > 0);
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
