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
     * None of the shared clips has a visual rhythm of its own (a dialogue, a face, a car park, a squirrel,
     * slow squats at 5 fps): the analysis says so and the report scores no alignment (see
     * {@link #realClipsAreScored}). Real footage edited to a beat does have one: a montage that cuts between
     * two real clips every half second (120 BPM) must get music whose beats, as heard in the rendered audio,
     * land on those cuts.
     */
    @org.junit.jupiter.api.Test
    void musicBeatsLandOnTheCutsOfARealFootageMontage() throws Exception {
        Path a = MEDIA.resolve("his_girl_friday_dialogue_6s.mp4");
        Path b = MEDIA.resolve("squirrel_eating_nature_10s.mp4");
        assumeTrue(Files.isRegularFile(a) && Files.isRegularFile(b), "../shared/media is not present");
        Path montage = montage(a, b, tmp.resolve("montage.mp4"), 15, 240);
        DirectoryObjectStore store = new DirectoryObjectStore(tmp.resolve("bucket"), "real");
        InProcessEvents events = InProcessEvents.chainOver(store, ChainSettings.DEFAULT, Progress.NONE);
        events.store().putFile(BucketLayout.incoming("montage.mp4"), montage, Map.of());
        events.drain();
        JsonNode report = Json.tree(store.getBytes(BucketLayout.report("montage")));
        System.out.println("montage: tempo " + report.at("/analysis/tempo_bpm") + ", " + report.get("alignment"));
        assertEquals(120, report.at("/analysis/tempo_bpm").asDouble(), 2.4, "cuts every 0.5 s");
        assertTrue(report.at("/alignment/applicable").asBoolean(), "a montage cut to a beat has visual beats");
        double f = report.at("/alignment/beat_f_measure").asDouble();
        assertTrue(f >= 0.8, "beat F " + f + ": " + report.get("alignment"));
    }

    /** Alternates {@code shot}-frame stretches of two real clips (scaled to 320x180, 30 fps) for {@code frames} frames. */
    private static Path montage(Path a, Path b, Path out, int shot, int frames) throws Exception {
        try (org.bytedeco.javacv.FFmpegFrameGrabber ga = grabber(a); org.bytedeco.javacv.FFmpegFrameGrabber gb = grabber(b);
                org.bytedeco.javacv.FFmpegFrameRecorder rec = new org.bytedeco.javacv.FFmpegFrameRecorder(out.toFile(), 320, 180, 0)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MPEG4);
            rec.setVideoQuality(4);
            rec.setFrameRate(30);
            rec.setPixelFormat(org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P);
            rec.start();
            for (int i = 0; i < frames; i++) {
                org.bytedeco.javacv.FFmpegFrameGrabber g = (i / shot) % 2 == 0 ? ga : gb;
                org.bytedeco.javacv.Frame f = g.grabImage();
                if (f == null) {
                    g.setFrameNumber(0);
                    f = g.grabImage();
                }
                rec.record(f);
            }
            rec.stop();
        }
        return out;
    }

    private static org.bytedeco.javacv.FFmpegFrameGrabber grabber(Path clip) throws Exception {
        org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(clip.toFile());
        g.setImageWidth(320);
        g.setImageHeight(180);
        g.start();
        return g;
    }
}
