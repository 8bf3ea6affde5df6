package io.vidscore.media;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoredVideoMuxerTest {
    private static final double FPS = 25;
    private static final double ONE_FRAME = 1 / FPS;

    @TempDir
    static Path dir;
    /** 2 s with a quiet AAC tone, stored rotated (portrait phone clip), awkward file name. */
    static Path clip;
    /** 2 s, no audio at all. */
    static Path silentClip;
    /** The music: a loud 440 Hz tone exactly as long as the clips. */
    static Path music;

    @BeforeAll
    static void makeInputs() {
        MediaTestSupport.quietFfmpeg();
        clip = SyntheticVideo.builder().size(320, 180).fps(FPS).duration(2).seed(11).withAudio(true).rotation(90)
                .flashes(0.5, 1.5).impacts(0.4, 0.8, 1.2, 1.6).cuts(1.0).build()
                .write(dir.resolve("clip ünïcode 01.mp4"));
        silentClip = SyntheticVideo.builder().size(320, 180).fps(FPS).duration(2).seed(12).build()
                .write(dir.resolve("silent.mp4"));
        music = MediaTestSupport.toneWav(dir.resolve("music.wav"), 2.0, 440, 0.3);
    }

    @Test
    void musicGoesUnderTheUntouchedVideo() throws Exception {
        ProbeResult original = MediaProbe.probe(clip);
        Path out = dir.resolve("scored ünïcode 01.mp4");

        MuxResult result = ScoredVideoMuxer.mux(clip, music, out, false);

        ProbeResult scored = MediaProbe.probe(out);
        assertEquals(original.videoCodec(), scored.videoCodec());
        assertEquals(original.videoPackets(), scored.videoPackets(), "every video packet copied");
        assertEquals(MediaTestSupport.videoPacketDigest(clip), MediaTestSupport.videoPacketDigest(out),
                "video bytes identical: copied, not re-encoded");
        assertEquals(original.width(), scored.width());
        assertEquals(original.height(), scored.height());
        assertEquals(original.fps(), scored.fps(), 0.01);
        assertEquals(90, scored.rotationDegrees(), "display rotation kept");
        assertEquals(1, scored.audioStreams().size(), "only the music");
        assertEquals(new ProbeResult.AudioStream("aac", 2, 48_000), scored.audioStreams().get(0));
        assertEquals(original.durationSeconds(), scored.durationSeconds(), ONE_FRAME);
        assertEquals(original.videoDurationSeconds(), scored.videoDurationSeconds(), 1e-6);

        assertEquals(original.videoCodec(), result.videoCodec());
        assertEquals(original.videoPackets(), result.videoPacketsCopied());
        assertEquals(1, result.audioTracksWritten());
        assertEquals(2.0, result.durationSeconds(), 1e-6);

        MediaTestSupport.AudioStats audio = MediaTestSupport.decodeAudio(out);
        // The 0.3-amplitude tone has RMS 0.21; the original's quiet tone would be ~0.03.
        assertTrue(audio.rms() > 0.15 && audio.rms() < 0.27, "music audible, rms " + audio.rms());
        assertEquals(2.0, audio.seconds(), ONE_FRAME, "music as long as the video");
        assertTrue(MediaTestSupport.maxInterleaveGapSeconds(out) < 0.5, "audio and video interleaved for streaming");
        assertTrue(MediaTestSupport.leftovers(dir).isEmpty(), "no temporary files left");
    }

    @Test
    void originalAudioCanBeKeptAsSecondTrack() {
        Path out = dir.resolve("scored-keep.mp4");

        MuxResult result = ScoredVideoMuxer.mux(clip, music, out, true);

        ProbeResult scored = MediaProbe.probe(out);
        assertEquals(2, scored.audioStreams().size());
        assertEquals(new ProbeResult.AudioStream("aac", 2, 48_000), scored.audioStreams().get(0));
        assertEquals("aac", scored.audioStreams().get(1).codec());
        assertEquals(2, result.audioTracksWritten());
        assertEquals(MediaProbe.probe(clip).videoPackets(), scored.videoPackets());
        assertEquals(2.0, scored.durationSeconds(), ONE_FRAME);
    }

    @Test
    void videoWithoutAudioMuxesFine() {
        Path out = dir.resolve("scored-silent.mp4");

        MuxResult result = ScoredVideoMuxer.mux(silentClip, music, out, true);

        ProbeResult scored = MediaProbe.probe(out);
        assertEquals(1, scored.audioStreams().size());
        assertEquals("aac", scored.audioStreams().get(0).codec());
        assertEquals(50, scored.videoPackets());
        assertEquals(0, scored.rotationDegrees());
        assertEquals(1, result.audioTracksWritten());
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("has none")), result.notes().toString());
    }

    @Test
    void musicIsPaddedOrCutToTheVideoLength() throws Exception {
        Path shortMusic = MediaTestSupport.toneWav(dir.resolve("short.wav"), 0.8, 440, 0.3);
        Path longMusic = MediaTestSupport.toneWav(dir.resolve("long.wav"), 3.5, 440, 0.3);
        Path padded = dir.resolve("padded.mp4");
        Path cut = dir.resolve("cut.mp4");

        MuxResult p = ScoredVideoMuxer.mux(silentClip, shortMusic, padded, false);
        MuxResult c = ScoredVideoMuxer.mux(silentClip, longMusic, cut, false);

        assertTrue(p.notes().stream().anyMatch(n -> n.contains("1.200 s of silence")), p.notes().toString());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("music longer than the video")), c.notes().toString());
        for (Path out : new Path[] {padded, cut}) {
            assertEquals(2.0, MediaProbe.probe(out).durationSeconds(), ONE_FRAME, out.toString());
            assertEquals(2.0, MediaTestSupport.decodeAudio(out).seconds(), ONE_FRAME, out.toString());
        }
        // 0.8 s of tone in 2 s: RMS drops by sqrt(0.4).
        assertEquals(0.212 * Math.sqrt(0.4), MediaTestSupport.decodeAudio(padded).rms(), 0.03);
    }

    @Test
    void musicInAnotherWavFormatIsConvertedTo48kStereo() throws Exception {
        Path mono44k = Files.write(dir.resolve("mono44k.wav"), TestWavs.sine16(1, 44_100, 2.0, 440, 0.3));
        Path out = dir.resolve("converted.mp4");

        MuxResult result = ScoredVideoMuxer.mux(silentClip, mono44k, out, false);

        assertEquals(new ProbeResult.AudioStream("aac", 2, 48_000), MediaProbe.probe(out).audioStreams().get(0));
        assertTrue(result.notes().stream().anyMatch(n -> n.contains("converted from 44100 Hz")), result.notes().toString());
        assertTrue(MediaTestSupport.decodeAudio(out).rms() > 0.1, "converted music audible");
    }

    @Test
    void mpeg4VideoIsCopiedToo() throws Exception {
        Path mpeg4 = SyntheticVideo.builder().codec(SyntheticVideo.Codec.MPEG4).duration(1).seed(5)
                .build().write(dir.resolve("mpeg4.mp4"));
        Path out = dir.resolve("scored-mpeg4.mp4");

        MuxResult result = ScoredVideoMuxer.mux(mpeg4, music, out, false);

        assertEquals("mpeg4", result.videoCodec());
        assertEquals("mpeg4", MediaProbe.probe(out).videoCodec());
        assertEquals(25, MediaProbe.probe(out).videoPackets());
        assertEquals(MediaTestSupport.videoPacketDigest(mpeg4), MediaTestSupport.videoPacketDigest(out));
    }

    @Test
    void badInputsFailWithAClearMessageAndNoOutput() throws Exception {
        Path scored = dir.resolve("scored-for-truncation.mp4");
        ScoredVideoMuxer.mux(clip, music, scored, false); // index (moov) at the front
        long clipSize = Files.size(clip);
        Map<Path, String> cases = Map.of(
                SyntheticVideo.writeTextFile(dir.resolve("notes ü.mp4")), "not a video: notes ü.mp4 is not a readable media file",
                SyntheticVideo.writeEmptyFile(dir.resolve("empty.mp4")), "not a video: empty.mp4 is empty",
                SyntheticVideo.writeTruncatedCopy(clip, dir.resolve("cut-off.mp4"), clipSize / 2), "not a video: cut-off.mp4",
                SyntheticVideo.writeTruncatedCopy(scored, dir.resolve("cut-faststart.mp4"), Files.size(scored) * 6 / 10),
                "damaged video: cut-faststart.mp4 is truncated",
                SyntheticVideo.writeAudioOnlyMp4(dir.resolve("audio-only.mp4"), 1.0),
                "not a video: audio-only.mp4 has no video stream (audio only)",
                dir.resolve("does-not-exist.mp4"), "file not found: does-not-exist.mp4");

        for (Map.Entry<Path, String> c : cases.entrySet()) {
            Path out = dir.resolve("out-" + c.getKey().getFileName());
            MediaException e = assertThrows(MediaException.class, () -> ScoredVideoMuxer.mux(c.getKey(), music, out, true),
                    c.getKey().toString());
            assertTrue(e.getMessage().startsWith(c.getValue()), "message: " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
            assertFalse(Files.exists(out), "no output for " + c.getKey());
        }
        assertTrue(MediaTestSupport.leftovers(dir).isEmpty(), "no temporary files left");
    }

    @Test
    void badMusicFailsAndLeavesExistingOutputAlone() throws Exception {
        Path out = dir.resolve("existing.mp4");
        Files.writeString(out, "previous result");
        Path notWav = SyntheticVideo.writeTextFile(dir.resolve("music.txt.wav"));

        MediaException e = assertThrows(MediaException.class, () -> ScoredVideoMuxer.mux(clip, notWav, out, false));

        assertTrue(e.getMessage().startsWith("not a WAV file: music.txt.wav"), e.getMessage());
        assertEquals("previous result", Files.readString(out), "a failed mux must not clobber the old file");
        assertTrue(MediaTestSupport.leftovers(dir).isEmpty());
    }
}
