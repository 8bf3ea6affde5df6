package io.vidscore.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticVideoTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void quiet() {
        MediaTestSupport.quietFfmpeg();
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedDoesNot() throws Exception {
        SyntheticVideo.Builder b = SyntheticVideo.builder().duration(1).seed(42).flashes(0.5).cuts(0.6).withAudio(true);
        Path first = b.build().write(dir.resolve("a.mp4"));
        Path again = b.build().write(dir.resolve("b.mp4"));
        Path other = b.seed(43).build().write(dir.resolve("c.mp4"));

        assertEquals(MediaTestSupport.sha256(first), MediaTestSupport.sha256(again));
        assertNotEquals(MediaTestSupport.sha256(first), MediaTestSupport.sha256(other));
    }

    @Test
    void usesH264WhenThisFfmpegCanEncodeItElseMpeg4() {
        Path v = SyntheticVideo.builder().duration(0.4).build().write(dir.resolve("auto.mp4"));
        String expected = VideoEncoders.h264().isPresent() ? "h264" : "mpeg4";
        assertEquals(expected, MediaProbe.probe(v).videoCodec());
        assertEquals(VideoEncoders.h264().orElse("mpeg4"), SyntheticVideo.autoEncoderName());
    }

    @Test
    void flashesCutsAndMotionShowInTheDecodedFrames() throws Exception {
        // 25 fps: flash at frame 15, cut at frame 30.
        Path v = SyntheticVideo.builder().size(320, 180).fps(25).duration(2).seed(9)
                .flashes(0.6).cuts(1.2).impacts(0.4, 0.8, 1.6).build().write(dir.resolve("events.mp4"));
        List<MediaTestSupport.DecodedFrame> f = MediaTestSupport.decodeFrames(v);
        assertEquals(50, f.size());

        double jump = f.get(15).meanLuma() - f.get(14).meanLuma();
        assertTrue(jump > 80, "flash brightens the whole frame, luma jump " + jump);
        assertTrue(f.get(22).meanLuma() - f.get(14).meanLuma() < 10, "flash has decayed 0.28 s later");

        double cut = f.get(30).colourDistance(f.get(29));
        List<Double> calm = new ArrayList<>();
        for (int i = 1; i < f.size(); i++) {
            boolean nearFlash = i >= 15 && i <= 22;
            if (i != 30 && !nearFlash) {
                calm.add(f.get(i).colourDistance(f.get(i - 1)));
            }
        }
        double calmMax = calm.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(cut > 20 && cut > 4 * calmMax, "cut changes the palette at once: " + cut + " vs " + calmMax);

        for (int i : new int[] {5, 40}) {
            double[] motion = f.get(i).cellMotion(f.get(i - 1));
            for (int c = 0; c < motion.length; c++) {
                assertTrue(motion[c] > 1.0, "frame " + i + " cell " + c + " moves: " + motion[c]);
            }
        }
    }

    @Test
    void ballReversesDirectionExactlyAtTheImpacts() {
        double[] impacts = {0.5, 1.0, 1.5, 2.25, 3.0};
        SceneRenderer r = new SceneRenderer(320, 180, 1, new double[0], impacts, new double[0]);
        List<Double> reversals = new ArrayList<>();
        double step = 0.001;
        for (double t = step; t < 4.0; t += step) {
            double before = r.bounceHeight(t) - r.bounceHeight(t - step);
            double after = r.bounceHeight(t + step) - r.bounceHeight(t);
            if (before < -1e-9 && after > 1e-9) {
                reversals.add(t); // was falling, now rising: an impact
            }
        }
        assertEquals(impacts.length, reversals.size(), "impacts found at " + reversals);
        for (int i = 0; i < impacts.length; i++) {
            assertEquals(impacts[i], reversals.get(i), 0.0015);
            assertEquals(0, r.bounceHeight(impacts[i]), 1e-9, "on the floor at impact");
        }
    }
}
