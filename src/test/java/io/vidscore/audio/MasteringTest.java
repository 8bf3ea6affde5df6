package io.vidscore.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two-pass use documented on {@link Mastering}, on a 20 s synthetic drums-and-chords mix
 * rendered at very different levels: whatever comes in, what goes out must read -14 +-1 LUFS
 * integrated and at most -1.0 dBTP, with the input's length and timing.
 */
class MasteringTest {
    private static final SyntheticMix MIX = new SyntheticMix(20);
    private static double mixLufs;
    private static double mixPeakDbfs;

    @BeforeAll
    static void measureTheRawMix() {
        LoudnessMeter m = new LoudnessMeter();
        MIX.render(0, m);
        m.close();
        mixLufs = m.integratedLufs();
        mixPeakDbfs = m.samplePeakDbfs();
    }

    /** Checks every output sample and keeps the left channel around the click, nothing else. */
    static final class Probe implements PcmSink {
        static final int HALF = 2048;
        final float[] window = new float[2 * 2 * HALF]; // interleaved layout, for TruePeakLimiterTest.bestLag
        long frames;
        long nonFinite;
        boolean closed;

        @Override
        public void write(float[] x, int n) {
            for (int k = 0; k < n; k++, frames++) {
                if (!Float.isFinite(x[2 * k]) || !Float.isFinite(x[2 * k + 1])) {
                    nonFinite++;
                }
                long w = frames - (SyntheticMix.CLICK_AT - HALF);
                if (w >= 0 && w < 2 * HALF) {
                    window[2 * (int) w] = x[2 * k];
                }
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    record Pass(LoudnessMeter meter, Probe probe) {
    }

    /** Renders the mix at {@code inputDb} through the mastering chain with {@code gainDb}. */
    static Pass master(double inputDb, float clip, double gainDb) {
        LoudnessMeter meter = new LoudnessMeter();
        Probe probe = new Probe();
        try (PcmSink s = Mastering.chain(gainDb, PcmSink.tee(meter, probe))) {
            MIX.render(inputDb, clip, s);
        }
        return new Pass(meter, probe);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"quiet -30 LUFS, -30", "already -14 LUFS, -14", "hot -6 LUFS, -6", "clipped 6 dB over, clip"})
    void twoPassMasteringHitsTargetAndCeiling(String name, String level) {
        // Scaling alone gives the chain the same job at every level (the gain undoes it), so the
        // last case also hard-clips: peaks that would reach +6 dBFS are flattened at 0 dBFS.
        boolean clipped = level.equals("clip");
        double inputDb = clipped ? 6.0 - mixPeakDbfs : Double.parseDouble(level) - mixLufs;
        float clip = clipped ? 1.0f : Float.POSITIVE_INFINITY;

        // Pass 1: measure what the "engine" renders, keeping its samples around the click.
        LoudnessMeter in = new LoudnessMeter();
        Probe inProbe = new Probe();
        MIX.render(inputDb, clip, PcmSink.tee(in, inProbe));
        in.close();
        double gain = Mastering.gainFor(in.integratedLufs());

        // Pass 2: render again through gain + limiter.
        Pass out = master(inputDb, clip, gain);
        LoudnessMeter m = out.meter();
        // Optional pass 3, as documented on Mastering.refine, to show how far it tightens.
        Pass refined = master(inputDb, clip, Mastering.refine(gain, m.integratedLufs()));

        System.out.printf("%-24s in %7.2f LUFS %+6.2f dBTP | gain %+6.2f dB -> %7.2f LUFS %+7.3f dBTP LRA %4.1f"
                        + " | refined %7.2f LUFS %+7.3f dBTP%n",
                name, in.integratedLufs(), in.truePeakDbtp(), gain, m.integratedLufs(), m.truePeakDbtp(),
                m.loudnessRangeLu(), refined.meter().integratedLufs(), refined.meter().truePeakDbtp());

        assertEquals(Mastering.TARGET_LUFS, m.integratedLufs(), 1.0, "integrated loudness after two passes");
        assertTrue(m.truePeakDbtp() <= Mastering.CEILING_DBTP, "true peak " + m.truePeakDbtp() + " dBTP");
        assertEquals(MIX.frames(), m.frames(), "output length equals input length");
        assertEquals(0, out.probe().nonFinite, "no NaN/Infinity");
        assertTrue(out.probe().closed, "closing the chain closes the real sink");
        assertEquals(0, TruePeakLimiterTest.bestLag(inProbe.window, out.probe().window, Probe.HALF, 1024, 200),
                "cross-correlation around the click peaks at zero lag");

        assertEquals(Mastering.TARGET_LUFS, refined.meter().integratedLufs(), 0.5, "after one refine pass");
        assertTrue(refined.meter().truePeakDbtp() <= Mastering.CEILING_DBTP);
    }

    @Test
    void gainForIsTargetMinusMeasuredWithinSaneBounds() {
        assertEquals(6.0, Mastering.gainFor(-20.0), 1e-12);
        assertEquals(-4.0, Mastering.gainFor(-10.0), 1e-12);
        assertEquals(30.0, Mastering.gainFor(-60.0), 1e-12, "capped: do not blow up near-silence");
        assertEquals(-30.0, Mastering.gainFor(20.0), 1e-12);
        assertEquals(0.0, Mastering.gainFor(Double.NEGATIVE_INFINITY), "silence: leave alone");
        assertEquals(0.0, Mastering.gainFor(Double.NaN));
        assertEquals(7.0, Mastering.refine(6.0, -15.0), 1e-12);
    }

    @Test
    void silenceStaysSilentAndKeepsItsLength() {
        LoudnessMeter m = new LoudnessMeter();
        try (PcmSink s = Mastering.chain(Mastering.gainFor(Double.NEGATIVE_INFINITY), m)) {
            s.write(new float[2 * 48_000], 48_000);
        }
        assertEquals(48_000, m.frames());
        assertEquals(Double.NEGATIVE_INFINITY, m.integratedLufs());
        assertEquals(Double.NEGATIVE_INFINITY, m.truePeakDbtp());
    }
}
