package io.vidscore.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidscore.neural.ClipImageEncoder;
import io.vidscore.neural.Device;
import io.vidscore.neural.ModelFolder;
import io.vidscore.semantics.DescriptorVocabulary;
import io.vidscore.store.DirectoryObjectStore;
import io.vidscore.store.ObjectInfo;
import io.vidscore.testing.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain with {@code --models models/fixtures}: encode-video writes CLIP embeddings per chunk beside the
 * built-in features, generate-music scores them against the descriptors and puts per-segment texts and the
 * prompt into the request and the report. And without CLIP in the folder: the built-in path, said so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClipChainTest {
    static final Path FIXTURES = Path.of("models/fixtures");
    static final String NAME = "clip.mp4";

    @TempDir
    static Path tmp;
    Path video;

    @BeforeAll
    void makeVideo() {
        video = TestVideos.rhythmic(tmp.resolve("rhythmic.mp4")); // 8 s, a hard cut at 4.0 s
    }

    private DirectoryObjectStore score(String bucket, NeuralOptions neural) throws Exception {
        DirectoryObjectStore store = new DirectoryObjectStore(Files.createDirectories(tmp.resolve(bucket)), "local");
        ChainSettings d = ChainSettings.DEFAULT;
        // 6 frames per chunk: 16 samples make 3 chunks, so the fan-in and the chunk order are exercised.
        ChainSettings settings = new ChainSettings(d.engine(), d.seed(), d.overrides(), false, d.sampleFps(), 6, neural);
        InProcessEvents events = InProcessEvents.chainOver(store, settings, Progress.NONE);
        events.store().putFile(BucketLayout.incoming(NAME), video, Map.of());
        List<StageOutcome> outcomes = events.drain();
        assertTrue(outcomes.stream().noneMatch(StageOutcome::failed), outcomes.toString());
        return store;
    }

    @Test
    void clipEmbeddingsAndPerSegmentSemanticsReachTheReport() throws Exception {
        DirectoryObjectStore store = score("with-clip", new NeuralOptions(FIXTURES, "warm analog synths", Device.CPU, 4));
        JsonNode report = Json.tree(store.getBytes(BucketLayout.report("clip")));
        Manifest manifest = Json.read(store.getBytes(store.list("jobs/").stream().map(ObjectInfo::key)
                .filter(k -> k.endsWith("manifest.json")).findFirst().orElseThrow()), Manifest.class);
        assertEquals(3, manifest.chunks());

        // Each chunk's embeddings are the vision model's on that chunk's stored frames (batching changes nothing).
        int rows = 0;
        try (ClipImageEncoder enc = new ClipImageEncoder(new ModelFolder(FIXTURES).require(ModelFolder.CLIP, ClipImageEncoder.FILE), Device.CPU)) {
            for (int c = 0; c < manifest.chunks(); c++) {
                Npy.Tensor clip = Npy.read(store.getBytes(BucketLayout.clip(manifest.jobId(), c)));
                Npy.Tensor frames = Npy.read(store.getBytes(BucketLayout.frames(manifest.jobId(), c)));
                assertEquals(512, clip.shape()[1]);
                assertEquals(frames.rows(), clip.rows());
                float[] expected = enc.encodeFrames(frames.u8(), 0, frames.rows(), 224, 224, 64);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], clip.f32()[i], 1e-4, "chunk " + c + " value " + i);
                }
                rows += clip.rows();
            }
        }
        assertEquals(manifest.sampleTimesS().size(), rows);

        assertEquals("clip-vit-base-patch32+builtin-lowlevel", report.path("encoder").path("name").asText());
        assertEquals("cpu", report.path("encoder").path("device").asText());
        assertEquals(rows, report.path("encoder").path("frames").asInt());
        assertEquals(rows, report.path("encoder").path("clip_frames").asInt());
        assertTrue(report.path("encoder").path("clip_frames_per_s").asDouble() > 0, report.path("encoder").toString());
        JsonNode sem = report.path("semantics");
        assertEquals("warm analog synths", sem.path("prompt").asText());
        JsonNode segs = sem.path("segments");
        assertEquals(2, segs.size(), "two segments around the cut at 4 s: " + sem);
        assertEquals(0, segs.get(0).path("start_s").asDouble(), 1e-9);
        assertEquals(4.0, segs.get(0).path("end_s").asDouble(), 0.1);
        assertEquals(8.0, segs.get(1).path("end_s").asDouble(), 0.1);
        assertEquals(rows, segs.get(0).path("frames").asInt() + segs.get(1).path("frames").asInt());
        Set<String> words = new HashSet<>();
        DescriptorVocabulary.builtIn().descriptors().forEach(d -> words.add(d.word()));
        for (JsonNode seg : segs) {
            String[] parts = seg.path("text").asText().split(", ");
            assertEquals(5, parts.length, seg.toString());
            for (String p : parts) {
                assertTrue(words.contains(p), p);
            }
            for (JsonNode pick : seg.path("picks")) {
                assertTrue(Math.abs(pick.path("score").asDouble()) <= 1.0001, pick.toString());
            }
        }
    }

    @Test
    void aFolderWithoutClipFallsBackToTheBuiltInFeaturesAndSaysSo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("models-without-clip"));
        DirectoryObjectStore store = score("without-clip", new NeuralOptions(empty, "", Device.CPU));
        assertFalse(store.list("jobs/").stream().anyMatch(o -> o.key().endsWith(BucketLayout.CLIP_SUFFIX)));
        JsonNode report = Json.tree(store.getBytes(BucketLayout.report("clip")));
        assertEquals("builtin-lowlevel", report.path("encoder").path("name").asText());
        assertTrue(report.path("encoder").path("frames").asInt() > 0, report.path("encoder").toString());
        assertTrue(report.path("encoder").path("clip_frames_per_s").isMissingNode(), report.path("encoder").toString());
        assertEquals(0, report.path("semantics").path("segments").size());
        assertTrue(report.path("semantics").path("note").asText().contains("no CLIP vision model in " + empty), report.toString());
    }

    @Test
    void aModelsFolderThatDoesNotExistIsOneLineNamingTheFetchCommand() {
        Path missing = tmp.resolve("no-such-models");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NeuralOptions(missing, "", Device.CPU));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("models/fetch-models.sh"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
