package io.vidscore.neural.musicgen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vidscore.audio.PcmSink;
import io.vidscore.music.Conditioning;
import io.vidscore.music.MusicRequest;
import io.vidscore.music.MusicResult;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelException;
import io.vidscore.neural.ModelFolder;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine end to end on the fixture models: sampling, windows, alignment, exact length, determinism. */
class MusicGenEngineTest {
    /** 1 s windows prompted with 0.3 s, so a 2 s request exercises windowed continuation. */
    private static final GenerationSettings SMALL_WINDOWS = GenerationSettings.DEFAULT.withWindows(50, 15, 5);

    private static float[] render(long seed, GenerationSettings settings, Map<String, Object> details) {
        MusicRequest request = new MusicRequest(2.0, 120, 0.25, new double[0], new float[0], 0, 0.5, 0, 0.5, seed)
                .withConditioning(new Conditioning("calm ambient piano", List.of(new Conditioning.Cue(0, 1, "dark strings"))));
        MusicGenEngine engine = new MusicGenEngine(new ModelFolder(Fixtures.ROOT), Device.CPU, settings, (f, d) -> { });
        Capture sink = new Capture();
        MusicResult result = engine.render(request, sink);
        assertEquals("musicgen", result.engine());
        details.putAll(engine.reportDetails());
        return sink.samples();
    }

    @Test
    void rendersExactlyTheDurationAsStereoAndIsDeterministicPerSeed() {
        Map<String, Object> details = new java.util.HashMap<>();
        float[] a = render(5, SMALL_WINDOWS, details);
        float[] b = render(5, SMALL_WINDOWS, new java.util.HashMap<>());
        float[] c = render(6, SMALL_WINDOWS, new java.util.HashMap<>());
        assertEquals(2 * 2 * 48_000, a.length, "2 s of stereo frames");
        assertArrayEquals(a, b, "same seed, same samples");
        assertFalse(java.util.Arrays.equals(a, c), "another seed, other music");
        double rms = 0;
        for (float v : a) {
            rms += v * v;
        }
        assertTrue(Math.sqrt(rms / a.length) > 0.01, "not silent");
        assertEquals(4, details.get("windows"), "2 s + alignment headroom in 1 s windows overlapping by 0.3 s");
        assertEquals(250, details.get("top_k"));
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) details.get("texts");
        assertEquals("calm ambient piano, dark strings, 120 bpm", texts.get(0));
        assertTrue(details.containsKey("beat_alignment"));
    }

    @Test
    void topKSamplingIsSeededAndDiffersFromGreedy() {
        try (MusicGenModels models = Fixtures.open()) {
            // the fixture's guided scores are peaked: a high temperature makes the draw matter
            MusicGenerator sampled = new MusicGenerator(models, new GenerationSettings(3f, 250, 8.0, 1500, 500, 25));
            int[][] one = sampled.window("upbeat electronic music", 12, new int[0][], 42, (d, n) -> { }).codes();
            int[][] two = sampled.window("upbeat electronic music", 12, new int[0][], 42, (d, n) -> { }).codes();
            int[][] greedy = new MusicGenerator(models, GenerationSettings.DEFAULT.withTopK(1))
                    .window("upbeat electronic music", 12, new int[0][], 42, (d, n) -> { }).codes();
            assertArrayEquals(one, two);
            assertFalse(java.util.Arrays.deepEquals(one, greedy));
        }
    }

    @Test
    void laterWindowsContinueTheTailOfThePreviousOne() {
        try (MusicGenModels models = Fixtures.open()) {
            MusicGenerator gen = new MusicGenerator(models, SMALL_WINDOWS);
            List<int[]> plan = gen.plan(120);
            assertEquals(List.of(0, 35, 70), plan.stream().map(w -> w[0]).toList());
            assertEquals(50, plan.get(2)[1]);
            int[][] first = gen.window("jazz piano", 50, new int[0][], 1, (d, n) -> { }).codes();
            int[][] prompt = new int[4][];
            for (int k = 0; k < 4; k++) {
                prompt[k] = java.util.Arrays.copyOfRange(first[k], 35, 50);
            }
            int[][] next = gen.window("jazz piano", 50, prompt, 2, (d, n) -> { }).codes();
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(prompt[k], java.util.Arrays.copyOf(next[k], 15), "the prompt is reproduced first");
            }
        }
    }

    /**
     * The streamed generator hands on, sample for sample, what placing every decoded window into one array gives
     * (the whole-array assembly, done here by hand over the same plan, prompts and seeds), over three windows.
     */
    @Test
    void streamedWindowsEqualTheWholeArrayAssembly() {
        try (MusicGenModels models = Fixtures.open()) {
            MusicGenerator gen = new MusicGenerator(models, SMALL_WINDOWS);
            int total = 120;
            int hop = EncodecDecoder.HOP;
            float[] expected = new float[total * hop];
            int[][] previous = null;
            List<int[]> plan = gen.plan(total);
            for (int w = 0; w < plan.size(); w++) {
                int start = plan.get(w)[0];
                int promptLen = w == 0 ? 0 : SMALL_WINDOWS.promptFrames();
                int[][] prompt = new int[w == 0 ? 0 : 4][];
                for (int k = 0; k < prompt.length; k++) {
                    prompt[k] = java.util.Arrays.copyOfRange(previous[k], previous[k].length - promptLen, previous[k].length);
                }
                int[][] codes = gen.window("jazz piano", plan.get(w)[1], prompt, 7 + w, (d, n) -> { }).codes();
                MusicGenerator.place(expected, EncodecDecoder.decode(models, codes), start * hop, promptLen * hop,
                        SMALL_WINDOWS.crossfadeFrames() * hop);
                previous = codes;
            }
            float[] streamed = new float[expected.length + 1];
            int[] at = {0};
            List<Integer> pieces = new java.util.ArrayList<>();
            gen.generate(total, f -> "jazz piano", 7, (fraction, detail) -> { }, (samples, off, len) -> {
                System.arraycopy(samples, off, streamed, at[0], len);
                at[0] += len;
                pieces.add(len);
            });
            assertEquals(expected.length, at[0]);
            assertArrayEquals(expected, java.util.Arrays.copyOf(streamed, at[0]));
            assertTrue(pieces.size() >= 3, "handed on window by window: " + pieces);
        }
    }

    @Test
    void crossfadeKeepsThePreviousWindowThenBlendsThenTakesTheNewOne() {
        float[] out = new float[10];
        java.util.Arrays.fill(out, 1f);
        float[] window = new float[8];
        MusicGenerator.place(out, window, 2, 4, 2);
        assertEquals(1f, out[3], 0f, "before the crossfade the old audio stays");
        assertTrue(out[4] < 1f && out[4] > 0f && out[5] < out[4], "blend");
        assertEquals(0f, out[6], 0f, "after the overlap the new window");
    }

    @Test
    void aCorruptModelFileIsOneLineNamingIt() throws Exception {
        Path root = Files.createTempDirectory("mg-corrupt");
        Path mg = root.resolve(ModelFolder.MUSICGEN);
        Files.createDirectories(mg.resolve("onnx"));
        for (String f : MusicGenEngine.FILES) {
            Files.copy(Fixtures.ROOT.resolve(ModelFolder.MUSICGEN).resolve(f), mg.resolve(f));
        }
        Files.write(mg.resolve(MusicGenModels.DECODER), "not a model".getBytes());
        ModelException e = assertThrows(ModelException.class, () -> MusicGenModels.open(new ModelFolder(root), Device.CPU));
        assertTrue(e.getMessage().contains("decoder_model_merged.onnx") && e.getMessage().contains("corrupt"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        Files.delete(mg.resolve(MusicGenModels.ENCODEC));
        ModelException missing = assertThrows(ModelException.class, () -> MusicGenModels.open(new ModelFolder(root), Device.CPU));
        assertTrue(missing.getMessage().contains("encodec_decode.onnx") && missing.getMessage().contains("fetch"), missing.getMessage());
    }

    /** Collects what the engine streams. */
    static final class Capture implements PcmSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final java.io.DataOutputStream data = new java.io.DataOutputStream(bytes);

        @Override
        public void write(float[] interleaved, int frames) {
            try {
                for (int i = 0; i < 2 * frames; i++) {
                    data.writeFloat(interleaved[i]);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        float[] samples() {
            java.nio.FloatBuffer fb = java.nio.ByteBuffer.wrap(bytes.toByteArray()).asFloatBuffer();
            float[] out = new float[fb.remaining()];
            fb.get(out);
            return out;
        }
    }
}
