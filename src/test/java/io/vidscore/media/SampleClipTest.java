package io.vidscore.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed samples/sample.mp4 really is what samples/README.md says it is. */
class SampleClipTest {
    private static final Path SAMPLE = Path.of("samples", "sample.mp4");

    @BeforeAll
    static void quiet() {
        MediaTestSupport.quietFfmpeg();
    }

    @Test
    void sampleMatchesItsDescription() throws Exception {
        assertTrue(Files.size(SAMPLE) <= 2 * 1024 * 1024, "sample stays small: " + Files.size(SAMPLE));
        ProbeResult p = MediaProbe.probe(SAMPLE);
        assertTrue(List.of("h264", "mpeg4").contains(p.videoCodec()), p.videoCodec());
        assertEquals(640, p.width());
        assertEquals(360, p.height());
        assertEquals(30.0, p.fps(), 0.01);
        assertEquals(300, p.videoPackets());
        assertEquals(10.0, p.durationSeconds(), 1.0 / 30);
        assertEquals(List.of(new ProbeResult.AudioStream("aac", 2, 48_000)), p.audioStreams());

        List<MediaTestSupport.DecodedFrame> f = MediaTestSupport.decodeFrames(SAMPLE);
        for (int flashFrame : new int[] {60, 120, 180, 240}) { // 2, 4, 6, 8 s
            double jump = f.get(flashFrame).meanLuma() - f.get(flashFrame - 1).meanLuma();
            assertTrue(jump > 60, "flash at frame " + flashFrame + ": luma jump " + jump);
        }
        double cut = f.get(150).colourDistance(f.get(149)); // 5.0 s
        double calm = f.get(100).colourDistance(f.get(99));
        assertTrue(cut > 20 && cut > 4 * calm, "cut at 5.0 s: " + cut + " vs " + calm);

        String truth = Files.readString(Path.of("samples", "sample.json"));
        assertTrue(truth.contains("\"cutTimes\": [5.0]") && truth.contains("\"flashTimes\": [2.0, 4.0, 6.0, 8.0]"), truth);
    }
}
