package io.vidscore.rhythm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.audio.MonoRecording;
import io.vidscore.audio.Resampler;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BeatAlignerTest {
    /** Clicks (decaying noise bursts) at {@code bpm} starting at {@code firstS}, at 32 kHz like MusicGen's output. */
    private static float[] clicks(double bpm, double firstS, double seconds) {
        int rate = 32_000;
        float[] x = new float[(int) (seconds * rate)];
        SplittableRandom r = new SplittableRandom(3);
        for (double t = firstS; t < seconds; t += 60 / bpm) {
            int at = (int) Math.round(t * rate);
            for (int i = 0; i < 800 && at + i < x.length; i++) {
                x[at + i] += (float) ((r.nextDouble() * 2 - 1) * 0.7 * Math.exp(-i / 120.0));
            }
        }
        return x;
    }

    private record Aligned(BeatAligner.Result result, float[] audio) {
    }

    /** Runs the streaming aligner over an in-memory recording, collecting what it writes. */
    private static Aligned align(float[] music, double duration, double gridBpm, double origin) {
        float[] out = new float[(int) Math.round(duration * 48_000) + 1];
        int[] at = {0};
        BeatAligner.Result r = BeatAligner.align(MonoRecording.of(music), 32_000, duration, gridBpm, origin,
                (samples, off, len) -> {
                    System.arraycopy(samples, off, out, at[0], len);
                    at[0] += len;
                });
        return new Aligned(r, Arrays.copyOf(out, at[0]));
    }

    @Test
    void stretchAndShiftPutAClickTrackOnTheVideoGrid() {
        double duration = 12;
        double gridBpm = 120;
        double origin = 0.5;
        float[] music = clicks(125, 0.21, duration + BeatAligner.headroomS(duration, gridBpm));
        Aligned a = align(music, duration, gridBpm, origin);
        BeatAligner.Result r = a.result();
        System.out.printf("click track 125 BPM on a 120 BPM grid: stretch %.4f, shift %.3f s, F before %.3f, after %.3f%n",
                r.stretch(), r.shiftS(), r.fBefore(), r.fAfter());
        assertEquals((int) (duration * 48_000), a.audio().length);
        assertEquals(125.0 / 120.0, r.stretch(), 0.01, "stretch to the grid's tempo");
        assertTrue(r.fBefore() < 0.6, "unaligned clicks drift off the grid: F " + r.fBefore());
        assertTrue(r.fAfter() >= 0.9, "aligned F " + r.fAfter());
    }

    @Test
    void tempoTooFarAwayIsOnlyShifted() {
        double duration = 8;
        float[] music = clicks(140, 0.33, duration + BeatAligner.headroomS(duration, 100));
        BeatAligner.Result r = align(music, duration, 100, 0.2).result();
        assertEquals(1.0, r.stretch(), 0.0, "140 vs 100 BPM is beyond ±8 %: no stretch");
    }

    /**
     * What streams out is, sample for sample, the whole-array computation: the music vari-sped with
     * {@link Resampler#process}, the shift dropped from the start, cut to the duration, zeros if it runs out.
     */
    @Test
    void theStreamedOutputIsTheWholeArrayVarispeedShiftedAndCut() {
        double duration = 6;
        float[] music = clicks(125, 0.21, duration + BeatAligner.headroomS(duration, 120));
        Aligned a = align(music, duration, 120, 0.5);
        assertTrue(a.result().stretch() != 1 && a.result().shiftS() > 0, "a case with both: " + a.result());
        float[] varispeed = new Resampler(32_000, 48_000 * a.result().stretch()).process(music);
        int shift = (int) Math.round(a.result().shiftS() * 48_000);
        float[] expected = new float[(int) Math.round(duration * 48_000)];
        System.arraycopy(varispeed, shift, expected, 0, Math.min(expected.length, varispeed.length - shift));
        assertArrayEquals(expected, a.audio());

        float[] tooShort = Arrays.copyOf(music, 32_000 * 3); // 3 s of music for 6 s of video
        float[] padded = align(tooShort, duration, 120, 0.5).audio();
        assertEquals(expected.length, padded.length);
        assertEquals(0f, padded[padded.length - 1], 0f);
    }

    @Test
    void gridExtendsBothWaysFromTheOrigin() {
        double[] g = BeatAligner.grid(3, 120, 1.2);
        assertEquals(6, g.length);
        assertEquals(0.2, g[0], 1e-9);
        assertEquals(2.7, g[5], 1e-9);
    }
}
