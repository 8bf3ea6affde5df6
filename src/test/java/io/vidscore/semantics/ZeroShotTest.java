package io.vidscore.semantics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ZeroShotTest {
    // Two categories, two words each; descriptor j is the unit vector e_j in 4 dimensions.
    static final DescriptorVocabulary VOCAB = DescriptorVocabulary.parse(List.of(
            "# comment", "mood | calm | a calm scene", "mood | tense | a tense scene", "", "tempo | slow | slow", "tempo | fast | fast"));
    static final float[] DESCRIPTORS = {
        1, 0, 0, 0,
        0, 1, 0, 0,
        0, 0, 1, 0,
        0, 0, 0, 1};

    @Test
    void eachSegmentGetsTheBestWordOfEachCategoryFromItsOwnFrames() {
        // Frames 0-2 (0..1.5 s) look "calm, slow", frames 3-5 (after the cut at 1.5 s) "tense, fast".
        // Scales differ wildly: only directions count, because embeddings are normalised.
        float[] frames = {
            10, 1, 9, 0,
            0.5f, 0, 0.4f, 0.1f,
            3, 0, 2, 1,
            0, 2, 0, 3,
            0, 50, 0, 40,
            0.1f, 1, 0, 1.2f};
        double[] times = {0, 0.5, 1.0, 1.5, 2.0, 2.5};
        List<ZeroShot.SegmentSemantics> s = ZeroShot.describe(frames, times, DESCRIPTORS, VOCAB,
                Segments.betweenCuts(new double[] {1.5}, 3.0, 1.0));
        assertEquals(2, s.size());
        assertEquals("calm, slow", s.get(0).text());
        assertEquals("tense, fast", s.get(1).text());
        assertEquals(3, s.get(0).frames());
        assertEquals(3, s.get(1).frames());
        for (ZeroShot.SegmentSemantics seg : s) {
            for (ZeroShot.Pick p : seg.picks()) {
                assertTrue(p.score() > 0 && p.score() <= 1 + 1e-9, p.toString());
            }
        }
        // The score is the cosine of the mean normalised frame with the descriptor: check one by hand.
        double[] mean = new double[4];
        for (int i = 0; i < 3; i++) {
            double norm = 0;
            for (int c = 0; c < 4; c++) {
                norm += frames[i * 4 + c] * frames[i * 4 + c];
            }
            for (int c = 0; c < 4; c++) {
                mean[c] += frames[i * 4 + c] / Math.sqrt(norm);
            }
        }
        double len = Math.sqrt(mean[0] * mean[0] + mean[1] * mean[1] + mean[2] * mean[2] + mean[3] * mean[3]);
        assertEquals(mean[0] / len, s.get(0).picks().get(0).score(), 1e-6);
    }

    @Test
    void aSegmentBetweenTwoSamplesUsesTheNearestFrame() {
        float[] frames = {1, 0, 0, 0, 0, 1, 0, 1};
        List<ZeroShot.SegmentSemantics> s = ZeroShot.describe(frames, new double[] {0, 2.0}, DESCRIPTORS, VOCAB,
                List.of(new Segments.Span(1.2, 1.8)));
        assertEquals(0, s.get(0).frames());
        assertEquals("tense, fast", s.get(0).text());
    }

    @Test
    void mismatchedEmbeddingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ZeroShot.describe(new float[8], new double[] {0, 1}, new float[12], VOCAB,
                List.of(new Segments.Span(0, 2))));
    }

    @Test
    void segmentsSplitAtCutsButNotAtFlashes() {
        assertEquals(List.of(new Segments.Span(0, 4), new Segments.Span(4, 8)), Segments.betweenCuts(new double[] {4}, 8, 1));
        assertEquals(List.of(new Segments.Span(0, 4), new Segments.Span(4, 8)), Segments.betweenCuts(new double[] {4, 4.3, 7.6}, 8, 1));
        assertEquals(List.of(new Segments.Span(0, 3)), Segments.betweenCuts(new double[0], 3, 1));
    }

    @Test
    void theBuiltInVocabularyCoversTheFiveCategories() {
        DescriptorVocabulary v = DescriptorVocabulary.builtIn();
        assertEquals(List.of("genre", "mood", "instrumentation", "energy", "tempo"), v.categories());
        assertTrue(v.size() >= 30);
    }
}
