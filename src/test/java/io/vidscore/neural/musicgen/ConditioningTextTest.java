package io.vidscore.neural.musicgen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vidscore.music.Conditioning;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditioningTextTest {
    private static final Conditioning TWO_SEGMENTS = new Conditioning("lofi", List.of(
            new Conditioning.Cue(0, 12, "calm piano, night city"), new Conditioning.Cue(12, 40, "energetic drums, beach")));

    @Test
    void promptThenTheCueInForceThenTheTempo() {
        assertEquals("lofi, calm piano, night city, 92 bpm", ConditioningText.at(TWO_SEGMENTS, 5, 92.4));
        assertEquals("lofi, energetic drums, beach, 92 bpm", ConditioningText.at(TWO_SEGMENTS, 25, 92.4));
        assertEquals("lofi, energetic drums, beach, 92 bpm", ConditioningText.at(TWO_SEGMENTS, 55, 92.4), "after the last cue: the nearest");
    }

    @Test
    void withoutWordsAGenericTextAndAnExplicitTempoIsKept() {
        assertEquals("instrumental music, 120 bpm", ConditioningText.at(Conditioning.NONE, 0, 120));
        assertEquals("techno at 128 BPM", ConditioningText.at(new Conditioning("techno at 128 BPM", List.of()), 0, 120));
    }
}
