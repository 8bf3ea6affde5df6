package io.vidscore.music;

import java.util.SplittableRandom;

/**
 * Four-bar functional chord progressions (scale degrees, one chord per bar). Every family starts on the
 * tonic and ends on a chord that leads back to it, so the loop and the final cadence both resolve.
 */
final class Progression {
    private static final int[][] MAJOR_FAMILIES = {
        {0, 5, 3, 4}, // I–vi–IV–V
        {0, 4, 5, 3}, // I–V–vi–IV
        {0, 3, 5, 4}, // I–IV–vi–V
    };
    private static final int[][] MINOR_FAMILIES = {
        {0, 5, 2, 6}, // i–VI–III–VII
        {0, 3, 6, 2}, // i–iv–VII–III
        {0, 5, 3, 6}, // i–VI–iv–VII
    };

    private final int[] degrees;
    /** V in major, VII in natural minor: the chord placed just before the final tonic. */
    final int dominant;

    private Progression(int[] degrees, int dominant) {
        this.degrees = degrees;
        this.dominant = dominant;
    }

    static Progression choose(Tonality tonality, SplittableRandom random) {
        int[][] families = tonality.major ? MAJOR_FAMILIES : MINOR_FAMILIES;
        return new Progression(families[random.nextInt(families.length)], tonality.major ? 4 : 6);
    }

    int degreeOfBar(int bar) {
        return degrees[Math.floorMod(bar, degrees.length)];
    }

    int length() {
        return degrees.length;
    }
}
