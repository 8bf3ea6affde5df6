package io.vidscore.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaProbeTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void quiet() {
        MediaTestSupport.quietFfmpeg();
    }

    @Test
    void reportsWhatWasWritten() {
        Path v = SyntheticVideo.builder().size(320, 240).fps(30).duration(1.5).withAudio(true).rotation(270)
                .build().write(dir.resolve("probe me.mp4"));

        ProbeResult p = MediaProbe.probe(v);

        assertTrue(p.container().contains("mp4"), p.container());
        assertTrue(p.hasVideo());
        assertEquals(VideoEncoders.h264().isPresent() ? "h264" : "mpeg4", p.videoCodec());
        assertEquals(320, p.width());
        assertEquals(240, p.height());
        assertEquals(30.0, p.fps(), 0.01);
        assertEquals(270, p.rotationDegrees());
        assertEquals(45, p.videoPackets());
        assertEquals(1.5, p.videoDurationSeconds(), 1e-6);
        assertEquals(1.5, p.durationSeconds(), 1.0 / 30);
        assertEquals(List.of(new ProbeResult.AudioStream("aac", 2, 48_000)), p.audioStreams());
    }

    @Test
    void audioOnlyFileHasNoVideo() {
        Path a = SyntheticVideo.writeAudioOnlyMp4(dir.resolve("voice.mp4"), 1.0);

        ProbeResult p = MediaProbe.probe(a);

        assertFalse(p.hasVideo());
        assertNull(p.videoCodec());
        assertEquals(0, p.videoPackets());
        assertEquals(1, p.audioStreams().size());
        assertEquals("aac", p.audioStreams().get(0).codec());
        assertEquals(1.0, p.durationSeconds(), 0.05);
    }

    @Test
    void nonMediaIsAClearError() {
        Path text = SyntheticVideo.writeTextFile(dir.resolve("readme.mp4"));
        MediaException e = assertThrows(MediaException.class, () -> MediaProbe.probe(text));
        assertTrue(e.getMessage().startsWith("not a video: readme.mp4"), e.getMessage());
    }
}
