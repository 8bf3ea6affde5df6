package io.vidscore.neural.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DelayPatternTest {
    private static final int PAD = 2048;

    @Test
    void codebookKIsDelayedByKStepsAndPaddedAtBothEnds() {
        DelayPattern p = new DelayPattern(4, 3, PAD, new int[0][]);
        assertEquals(7, p.length(), "frames + 4 positions: the start column and 3 + 3 new tokens");
        // F = free, P = pad; rows are codebooks, columns positions 0..6
        String[] want = {"PFFFPPP", "PPFFFPP", "PPPFFFP", "PPPPFFF"};
        for (int k = 0; k < 4; k++) {
            StringBuilder row = new StringBuilder();
            for (int pos = 0; pos < 7; pos++) {
                int f = p.forced(k, pos);
                row.append(f == DelayPattern.FREE ? 'F' : f == PAD ? 'P' : '?');
            }
            assertEquals(want[k], row.toString(), "codebook " + k);
        }
        assertEquals(1, p.forcedPrefix(), "only the start column is forced everywhere");
    }

    @Test
    void undelayKeepsTheDiagonalBand() {
        DelayPattern p = new DelayPattern(4, 2, PAD, new int[0][]);
        int[][] seq = {
            {PAD, 10, 11, PAD, PAD, PAD},
            {PAD, PAD, 20, 21, PAD, PAD},
            {PAD, PAD, PAD, 30, 31, PAD},
            {PAD, PAD, PAD, PAD, 40, 41}};
        assertArrayEquals(new int[][] {{10, 11}, {20, 21}, {30, 31}, {40, 41}}, p.undelay(seq));
    }

    @Test
    void aContinuationPromptIsForcedAndFedInOneGo() {
        int[][] prompt = {{1, 2}, {3, 4}, {5, 6}, {7, 8}};
        DelayPattern p = new DelayPattern(4, 5, PAD, prompt);
        assertEquals(1, p.forced(0, 1));
        assertEquals(2, p.forced(0, 2));
        assertEquals(DelayPattern.FREE, p.forced(0, 3));
        assertEquals(8, p.forced(3, 5));
        assertEquals(DelayPattern.FREE, p.forced(3, 6));
        assertEquals(3, p.forcedPrefix(), "columns 0..2 are known in every codebook");
    }
}
