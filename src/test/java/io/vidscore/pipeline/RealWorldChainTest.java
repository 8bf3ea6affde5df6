package io.vidscore.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vidscore.media.ExactVideoWriter;
import io.vidscore.media.MediaProbe;
import io.vidscore.media.ProbeResult;
import io.vidscore.media.SyntheticVideo;
import io.vidscore.plot.TimelinePlot;
import io.vidscore.store.DirectoryObjectStore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Awkward uploads through the whole chain, checked the way a user checks the outputs: the report's
 * duration, size, rotation and beat times, the scored MP4's rotation and streams, the plot, and the
 * failed/ reason where an input is rejected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealWorldChainTest {
    @TempDir
    static Path tmp;
    DirectoryObjectStore store;

    /** Flashes every 0.5 s from 0.5 s: 120 BPM. */
    static double[] flashGrid(double until) {
        List<Double> t = new ArrayList<>();
        for (double f = 0.5; f < until - 0.3; f += 0.5) {
            t.add(f);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @BeforeAll
    void scoreAll() throws Exception {
        store = new DirectoryObjectStore(Files.createDirectories(tmp.resolve("bucket")), "local");
        InProcessEvents events = InProcessEvents.chainOver(store, ChainSettings.DEFAULT, Progress.NONE);
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("portrait.mp4", SyntheticVideo.builder().size(320, 180).fps(30).duration(4).seed(2).rotation(90)
                .flashes(flashGrid(4)).withAudio(true).build().write(tmp.resolve("portrait.mp4")));
        // 60 fps for 3 s then 20 fps for 3 s: frame counting would misplace every beat after 3 s.
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            times.add(i / 60.0);
        }
        for (int i = 0; i < 60; i++) {
            times.add(3 + i / 20.0);
        }
        inputs.put("vfr.mp4", new ExactVideoWriter().encoder("mpeg4", avutil.AV_PIX_FMT_YUV420P).size(192, 144)
                .frameTimes(40, 600, times.stream().mapToDouble(Double::doubleValue).toArray()).flashes(flashGrid(6))
                .write(tmp.resolve("vfr.mp4")));
        inputs.put("odd.mp4", new ExactVideoWriter().encoder("mjpeg", avutil.AV_PIX_FMT_YUVJ420P).size(321, 241).constantRate(25, 2)
                .write(tmp.resolve("odd.mp4")));
        inputs.put("short.mp4", SyntheticVideo.builder().size(160, 120).fps(25).duration(0.4).seed(4).withAudio(false).build()
                .write(tmp.resolve("short.mp4")));
        inputs.put("one frame.mp4", SyntheticVideo.builder().size(160, 120).fps(25).duration(0.04).seed(4).withAudio(false).build()
                .write(tmp.resolve("one.mp4")));
        for (Map.Entry<String, Path> e : inputs.entrySet()) {
            events.store().putFile(BucketLayout.incoming(e.getKey()), e.getValue(), Map.of());
        }
        events.drain();
    }

    private JsonNode report(String stem) {
        assertTrue(store.exists(BucketLayout.report(stem)), "scored: " + stem + failure(stem));
        return Json.tree(store.getBytes(BucketLayout.report(stem)));
    }

    private String failure(String stem) {
        String key = BucketLayout.failed(stem + ".mp4");
        return store.exists(key) ? " (failed: " + Json.tree(store.getBytes(key)).path("reason").asText() + ")" : "";
    }

    private ProbeResult scored(String stem) throws Exception {
        return MediaProbe.probe(store.download(BucketLayout.scored(stem), tmp.resolve(stem + ".scored.mp4")));
    }

    @Test
    void portraitPhoneVideoStaysPortrait() throws Exception {
        JsonNode r = report("portrait");
        assertEquals(90, r.at("/video/rotation").asInt());
        assertEquals(180, r.at("/video/width").asInt(), "width as shown");
        assertEquals(320, r.at("/video/height").asInt(), "height as shown");
        ProbeResult out = scored("portrait");
        assertEquals(90, out.rotationDegrees(), "players show the scored video upright too");
        assertEquals(1, out.audioStreams().size(), "the music only");
        assertBeatsNear(r, flashGrid(4));
    }

    @Test
    void variableFrameRateBeatsAreAtTheirTrueTimes() {
        JsonNode r = report("vfr");
        assertEquals(6.0, r.path("duration_s").asDouble(), 0.1);
        assertBeatsNear(r, flashGrid(6));
    }

    /** Every visual beat within 70 ms of a flash, and most flashes found. */
    private static void assertBeatsNear(JsonNode r, double[] flashes) {
        JsonNode beats = r.at("/analysis/visual_beats_s");
        assertTrue(beats.size() >= flashes.length - 2, "beats found: " + beats);
        for (JsonNode b : beats) {
            double best = Double.MAX_VALUE;
            for (double f : flashes) {
                best = Math.min(best, Math.abs(f - b.asDouble()));
            }
            assertTrue(best <= 0.07, "beat " + b.asDouble() + " is " + best + " s from the nearest flash; beats " + beats);
        }
    }

    @Test
    void oddSizedVideoIsScoredAtItsSize() throws Exception {
        JsonNode r = report("odd");
        assertEquals(321, r.at("/video/width").asInt());
        assertEquals(241, r.at("/video/height").asInt());
        ProbeResult out = scored("odd");
        assertEquals(321, out.width());
        assertEquals(2.0, out.videoDurationSeconds(), 0.05);
    }

    @Test
    void shortClipWithoutAudioGetsMusicAsLongAsItIs() throws Exception {
        JsonNode r = report("short");
        assertEquals(0.4, r.path("duration_s").asDouble(), 0.01);
        assertFalse(r.at("/analysis/rhythmic").asBoolean(), "0.4 s cannot show a tempo");
        assertEquals(0, r.at("/analysis/visual_beats_s").size());
        ProbeResult out = scored("short");
        assertEquals(1, out.audioStreams().size(), "a video without audio gets the music track");
        assertEquals(0.4, out.videoDurationSeconds(), 0.01);
    }

    @Test
    void singleFrameIsRejectedWithAReason() {
        assertFalse(store.exists(BucketLayout.report("one frame")));
        JsonNode f = Json.tree(store.getBytes(BucketLayout.failed("one frame.mp4")));
        assertEquals("extract-frames", f.path("stage").asText());
        assertTrue(f.path("reason").asText().contains("too short"), f.path("reason").asText());
    }

    @Test
    void plotIsWrittenBesideTheReport() throws Exception {
        JsonNode r = report("portrait");
        assertEquals(BucketLayout.plot("portrait"), r.at("/outputs/plot").asText());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(store.getBytes(BucketLayout.plot("portrait"))));
        assertEquals(TimelinePlot.WIDTH, img.getWidth());
        assertEquals(TimelinePlot.HEIGHT, img.getHeight());
    }
}
