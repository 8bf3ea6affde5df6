package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BeatMetricsTest {
    private static final double[] REF = {1.0, 2.0, 3.0, 4.0};

    @Test
    void perfectMatch() {
        assertEquals(1.0, BeatMetrics.fMeasure(REF, REF, 0.07), 1e-12);
        assertEquals(1.0, BeatMetrics.hitRate(REF, REF, 0.07), 1e-12);
        assertEquals(0.0, BeatMetrics.meanOffsetS(REF, REF, 0.07), 1e-12);
    }

    @Test
    void partialMatchByHand() {
        // 1.05 and 2.96 match (offsets +0.05, −0.04); 3.2 is 0.2 s late; 5.0 has no reference.
        double[] est = {1.05, 2.96, 3.2, 5.0};
        // precision 2/4, recall 2/4 -> F = 0.5
        assertEquals(0.5, BeatMetrics.fMeasure(REF, est, 0.07), 1e-12);
        assertEquals(0.5, BeatMetrics.hitRate(REF, est, 0.07), 1e-12);
        assertEquals(0.005, BeatMetrics.meanOffsetS(REF, est, 0.07), 1e-12);
    }

    @Test
    void matchingIsOneToOne() {
        // Two estimates near one reference count once: precision 1/2, recall 1/1 -> F = 2/3.
        double[] ref = {1.0};
        double[] est = {0.98, 1.03};
        assertEquals(2.0 / 3.0, BeatMetrics.fMeasure(ref, est, 0.07), 1e-12);
        assertEquals(1.0, BeatMetrics.hitRate(ref, est, 0.07), 1e-12);
    }

    @Test
    void toleranceEdgeIsInclusive() {
        assertEquals(1.0, BeatMetrics.fMeasure(new double[] {1.0}, new double[] {1.07}, 0.07), 1e-12);
        assertEquals(0.0, BeatMetrics.fMeasure(new double[] {1.0}, new double[] {1.0701}, 0.07), 1e-12);
    }

    @Test
    void unsortedInputIsAccepted() {
        double[] est = {4.01, 1.0, 3.02, 2.0};
        assertEquals(1.0, BeatMetrics.fMeasure(REF, est, 0.07), 1e-12);
    }

    @Test
    void emptyCases() {
        double[] none = {};
        assertEquals(1.0, BeatMetrics.fMeasure(none, none, 0.07));
        assertEquals(0.0, BeatMetrics.fMeasure(REF, none, 0.07));
        assertEquals(0.0, BeatMetrics.fMeasure(none, REF, 0.07));
        assertEquals(0.0, BeatMetrics.hitRate(REF, none, 0.07));
        assertEquals(0.0, BeatMetrics.meanOffsetS(REF, none, 0.07));
    }
}
