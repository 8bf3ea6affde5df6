package io.vidscore.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vidscore.pipeline.Npy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real ONNX Runtime sessions over the fixture models, against goldens computed in PyTorch and Pillow. */
class ClipEncodersTest {
    private static final String[] IMAGES = {"image-a.png", "image-b.png"};

    @Test
    void preprocessingMatchesPillowAndNumpyExactly() throws Exception {
        Npy.Tensor golden = ClipFixtures.golden("pixel_values.npy");
        int per = ClipPreprocessor.pixelsPerImage();
        assertEquals(IMAGES.length * per, golden.f32().length);
        for (int img = 0; img < IMAGES.length; img++) {
            int[] size = new int[2];
            byte[] rgb = ClipFixtures.rgb(IMAGES[img], size);
            float[] mine = new float[per];
            ClipPreprocessor.pixelValues(rgb, 0, size[0], size[1], mine, 0);
            double worst = 0;
            for (int i = 0; i < per; i++) {
                worst = Math.max(worst, Math.abs(mine[i] - golden.f32()[img * per + i]));
            }
            assertTrue(worst <= 1e-6, IMAGES[img] + " (" + size[0] + "x" + size[1] + "): max |diff| " + worst);
        }
    }

    @Test
    void a224CropIsOnlyNormalised() {
        byte[] crop = new byte[224 * 224 * 3];
        crop[0] = (byte) 255;
        float[] out = new float[ClipPreprocessor.pixelsPerImage()];
        ClipPreprocessor.pixelValues(crop, 0, 224, 224, out, 0);
        assertEquals((1f - 0.48145466f) / 0.26862954f, out[0], 1e-6);
        assertEquals((0f - 0.4578275f) / 0.26130258f, out[224 * 224], 1e-6);
    }

    @Test
    void imageEmbeddingsMatchThePyTorchModelInBatchesOfAnySize() throws Exception {
        Npy.Tensor golden = ClipFixtures.golden("image_embeds.npy");
        // Two images of different sizes: preprocess each, then run them in one batch and one by one.
        int per = ClipPreprocessor.pixelsPerImage();
        byte[] crops = new byte[2 * 224 * 224 * 3];
        for (int img = 0; img < 2; img++) {
            int[] size = new int[2];
            byte[] rgb = ClipFixtures.rgb(IMAGES[img], size);
            System.arraycopy(ClipPreprocessor.resizeAndCrop(rgb, 0, size[0], size[1]), 0, crops, img * 224 * 224 * 3, 224 * 224 * 3);
        }
        try (ClipImageEncoder enc = ClipFixtures.vision()) {
            assertEquals(512, enc.dim());
            assertEquals(Device.CPU, enc.device());
            for (int batch : new int[] {1, 2, 32}) {
                float[] e = enc.encodeFrames(crops, 0, 2, 224, 224, batch);
                assertClose(golden.f32(), e, 1e-4, "batch " + batch);
            }
        }
        assertEquals(2 * per, ClipFixtures.golden("pixel_values.npy").f32().length);
    }

    @Test
    void imageEmbeddingsAreTheSameHoweverTheConversionIsScheduled() throws Exception {
        float[] golden = ClipFixtures.golden("image_embeds.npy").f32();
        int dim = golden.length / 2;
        // Five crops (a b a b a): batches of 2 leave a partial last one, and most calls have several batches.
        // Both schedules: the CPU's (convert a batch, run it, convert the next into the same buffer) and CUDA's,
        // forced here (converter threads write the next batch, in bands of rows shared with the caller, into a
        // second buffer while the session runs the current one).
        int crop = 224 * 224 * 3;
        byte[][] one = new byte[2][];
        int[][] sizes = new int[2][2];
        byte[][] rgb = new byte[2][];
        for (int img = 0; img < 2; img++) {
            rgb[img] = ClipFixtures.rgb(IMAGES[img], sizes[img]);
            one[img] = ClipPreprocessor.resizeAndCrop(rgb[img], 0, sizes[img][0], sizes[img][1]);
        }
        byte[] crops = new byte[5 * crop];
        for (int i = 0; i < 5; i++) {
            System.arraycopy(one[i % 2], 0, crops, i * crop, crop);
        }
        Path model = ClipFixtures.FOLDER.require(ModelFolder.CLIP, ClipImageEncoder.FILE);
        for (boolean ahead : new boolean[] {false, true}) {
            try (ClipImageEncoder enc = new ClipImageEncoder(model, Device.CPU, ahead)) {
                for (int batch : new int[] {1, 2, 4, 8}) {
                    float[] e = enc.encodeFrames(crops, 0, 5, 224, 224, batch);
                    for (int i = 0; i < 5; i++) {
                        assertClose(Arrays.copyOfRange(golden, (i % 2) * dim, (i % 2 + 1) * dim),
                                Arrays.copyOfRange(e, i * dim, (i + 1) * dim), 1e-4, "ahead " + ahead + ", batch " + batch + ", frame " + i);
                    }
                }
                // Frames of another size are resized and cropped by the converters, a whole frame each.
                for (int img = 0; img < 2; img++) {
                    float[] e = enc.encodeFrames(rgb[img], 0, 1, sizes[img][0], sizes[img][1], 1);
                    assertClose(Arrays.copyOfRange(golden, img * dim, (img + 1) * dim), e, 1e-4, "ahead " + ahead + ", " + IMAGES[img]);
                }
            }
        }
    }

    @Test
    void textEmbeddingsMatchThePyTorchModel() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(Files.readAllBytes(ClipFixtures.GOLDEN.resolve("text.json")));
        List<String> phrases = new ArrayList<>();
        golden.get("phrases").forEach(p -> phrases.add(p.get("text").asText()));
        try (ClipTextEncoder enc = ClipFixtures.text()) {
            float[] e = enc.encode(phrases);
            assertClose(ClipFixtures.golden("text_embeds.npy").f32(), e, 1e-4, "text_embeds");
        }
    }

    static void assertClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tol, what + ": max |diff| " + worst);
    }
}
