package io.vidscore.music;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TonalityTest {
    @Test
    void diatonicTriads() {
        Tonality major = new Tonality(0, true);
        assertArrayEquals(new int[] {0, 4, 7}, major.triad(0), "I");
        assertArrayEquals(new int[] {9, 12, 16}, major.triad(5), "vi");
        assertArrayEquals(new int[] {7, 11, 14}, major.triad(4), "V");
        Tonality minor = new Tonality(9, false);
        assertArrayEquals(new int[] {0, 3, 7}, minor.triad(0), "i");
        assertArrayEquals(new int[] {8, 12, 15}, minor.triad(5), "VI");
        assertArrayEquals(new int[] {10, 14, 17}, minor.triad(6), "VII");
        assertEquals("A minor", minor.name());
    }

    @Test
    void moodMapping() {
        assertEquals("D minor", Tonality.fromMood(0.0, -1).name());
        assertEquals("A major", Tonality.fromMood(1.0, 1).name());
        assertEquals("G major", Tonality.fromMood(0.7, -0.2).name(), "bright enough outweighs slightly cold");
        assertEquals("F minor", Tonality.fromMood(0.45, -0.3).name());
    }
}
