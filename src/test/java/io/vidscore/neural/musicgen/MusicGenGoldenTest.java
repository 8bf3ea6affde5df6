package io.vidscore.neural.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidscore.pipeline.Npy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java pipeline over real ONNX Runtime sessions on the fixtures against goldens that the fixture script
 * computed in PyTorch without ONNX and without a KV cache: tokens exactly, audio within 1e-4.
 */
class MusicGenGoldenTest {
    private static MusicGenModels models;
    private static JsonNode golden;

    @BeforeAll
    static void open() {
        models = Fixtures.open();
        golden = Fixtures.golden();
    }

    @AfterAll
    static void close() {
        models.close();
    }

    @Test
    void readsTheDecoderShapeFromTheSession() {
        assertEquals(24, models.layers());
        assertEquals(2, models.heads());
        assertEquals(4, models.headDim());
        assertEquals(2048, models.vocab());
        assertEquals(768, models.textDim());
    }

    @Test
    void tokenizerMatchesTheReferenceUnigram() {
        for (JsonNode c : golden.path("tokenizer")) {
            assertArrayEquals(Fixtures.longs(c.path("ids")), models.tokenizer().encode(c.path("text").asText()),
                    c.path("text").asText());
        }
    }

    @Test
    void textEncoderMatchesGolden() {
        for (JsonNode g : golden.path("generations")) {
            float[] hidden = TextEncoder.encode(models, Fixtures.longs(g.path("input_ids")));
            Npy.Tensor want = Fixtures.npy(g.path("text_encoder").asText());
            assertEquals(want.f32().length, hidden.length);
            assertTrue(maxAbsDiff(want.f32(), hidden) < 1e-5, "max diff " + maxAbsDiff(want.f32(), hidden));
        }
    }

    @Test
    void greedyGenerationReproducesTheGoldenTokensAndAudio() {
        MusicGenerator gen = new MusicGenerator(models, GenerationSettings.DEFAULT.withTopK(1));
        for (JsonNode g : golden.path("generations")) {
            int frames = g.path("frames").asInt();
            MusicGenerator.Window w = gen.window(g.path("prompt").asText(), frames, new int[0][], 0, (d, n) -> { });
            assertArrayEquals(Fixtures.longs(g.path("input_ids")), w.inputIds());
            assertArrayEquals(Fixtures.ints(g.path("delayed_ids")), w.delayed(), g.path("prompt").asText());
            assertArrayEquals(Fixtures.ints(g.path("codes")), w.codes());
            float[] audio = EncodecDecoder.decode(models, w.codes());
            float[] want = Fixtures.npy(g.path("audio").asText()).f32();
            assertEquals(want.length, audio.length);
            assertTrue(maxAbsDiff(want, audio) < 1e-4, "max diff " + maxAbsDiff(want, audio));
        }
    }

    @Test
    void continuationPromptIsReproducedThenContinued() {
        JsonNode g = golden.path("generations").get(0);
        JsonNode c = g.path("continuation");
        int p = c.path("prompt_frames").asInt();
        int[][] codes = Fixtures.ints(g.path("codes"));
        int[][] prompt = new int[4][];
        for (int k = 0; k < 4; k++) {
            prompt[k] = java.util.Arrays.copyOf(codes[k], p);
        }
        MusicGenerator gen = new MusicGenerator(models, GenerationSettings.DEFAULT.withTopK(1));
        MusicGenerator.Window w = gen.window(g.path("prompt").asText(), g.path("frames").asInt(), prompt, 0, (d, n) -> { });
        assertArrayEquals(Fixtures.ints(c.path("delayed_ids")), w.delayed());
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
