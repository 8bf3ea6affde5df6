package io.vidscore.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidscore.media.MediaProbe;
import io.vidscore.media.ProbeResult;
import io.vidscore.store.DirectoryObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real footage from ../shared/media (not in the repository; skipped where it is absent): a 1940 film
 * clip at 30 fps, and a portrait phone clip at 5 fps with no audio track.
 */
class SharedMediaTest {
    static final Path MEDIA = Path.of("..", "shared", "media");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"his_girl_friday_dialogue_6s.mp4", "squats_vertical_720x1280_5fps.mp4"})
    void realClipsAreScored(String clip) throws Exception {
        Path source = MEDIA.resolve(clip);
        assumeTrue(Files.isRegularFile(source), "../shared/media is not present");
        DirectoryObjectStore store = new DirectoryObjectStore(tmp, "real");
        InProcessEvents events = InProcessEvents.chainOver(store, ChainSettings.DEFAULT, Progress.NONE);
        events.store().putFile(BucketLayout.incoming(clip), source, Map.of());
        events.drain();

        String stem = BucketLayout.stemOf(clip);
        ProbeResult original = MediaProbe.probe(source);
        ProbeResult scored = MediaProbe.probe(store.download(BucketLayout.scored(stem), tmp.resolve("scored.mp4")));
        assertEquals(original.videoCodec(), scored.videoCodec());
        assertEquals(original.videoPackets(), scored.videoPackets());
        assertEquals(1, scored.audioStreams().size());
        assertEquals(original.rotationDegrees(), scored.rotationDegrees(), "display orientation kept");
        JsonNode report = Json.tree(store.getBytes(BucketLayout.report(stem)));
        assertEquals(original.videoDurationSeconds(), report.get("duration_s").asDouble(), 1.0 / original.fps() + 0.01);
        assertEquals(original.width(), report.at("/video/width").asInt());
        assertEquals(48_000, report.at("/music/sample_rate").asInt());
        boolean applicable = report.at("/alignment/applicable").asBoolean();
        assertEquals(report.at("/analysis/visual_beats_s").size() > 0, applicable);
        if (!applicable) {
            assertTrue(report.at("/alignment/reason").asText().length() > 10, "says why: " + report.get("alignment"));
            assertTrue(report.at("/alignment/beat_f_measure").isNull(), "no invented score");
        }
    }

    /**
     * Rhythmic real clips, short ones included (6 s, analysed at 60 BPM, where the audio tracker used to find no
     * beat in the ambient music at all): the beats heard in the rendered audio land on the visual beats.
     */
    @ParameterizedTest
    @ValueSource(strings = {"his_girl_friday_dialogue_6s.mp4", "squirrel_eating_nature_10s.mp4"})
    void musicBeatsLandOnTheVisualBeatsOfRealClips(String clip) throws Exception {
        Path source = MEDIA.resolve(clip);
        assumeTrue(Files.isRegularFile(source), "../shared/media is not present");
        DirectoryObjectStore store = new DirectoryObjectStore(tmp, "real");
        InProcessEvents events = InProcessEvents.chainOver(store, ChainSettings.DEFAULT, Progress.NONE);
        events.store().putFile(BucketLayout.incoming(clip), source, Map.of());
        events.drain();
        JsonNode report = Json.tree(store.getBytes(BucketLayout.report(BucketLayout.stemOf(clip))));
        System.out.println(clip + ": " + report.get("alignment") + " music " + report.at("/music/style"));
        assertTrue(report.at("/alignment/applicable").asBoolean(), clip + " has visual beats");
        double f = report.at("/alignment/beat_f_measure").asDouble();
        assertTrue(f >= 0.8, clip + ": beat F " + f);
    }
}
