package io.vidscore.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decode pass on the videos users really upload: portrait phone clips, variable frame rate, odd and
 * extreme sizes, 10-bit, interlaced. Checks what the analysis receives: upright pictures, frames on a
 * uniform time grid at the right times, sane working sizes.
 */
class RealWorldDecodeTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void quiet() {
        MediaTestSupport.quietFfmpeg();
    }

    /** Everything the listener got. */
    static final class Capture implements FrameListener {
        VideoInfo info;
        int gridWidth;
        int gridHeight;
        final List<Double> times = new ArrayList<>();
        final List<Float> brightness = new ArrayList<>();
        byte[] firstGrey;
        byte[] firstCrop;
        int cropSize;

        @Override
        public void started(VideoInfo i) {
            info = i;
        }

        @Override
        public void frame(int index, double timeS, byte[] grey, int width, int height, float b, float s, float w) {
            assertEquals(times.size(), index, "grid slots come in order, none skipped");
            gridWidth = width;
            gridHeight = height;
            times.add(timeS);
            brightness.add(b);
            if (firstGrey == null) {
                firstGrey = grey.clone();
            }
        }

        @Override
        public void sample(int index, double timeS, byte[] rgb, int size) {
            if (firstCrop == null) {
                firstCrop = rgb.clone();
                cropSize = size;
            }
        }

        /** Times of the frames brighter than both neighbours by a clear margin: the flashes. */
        List<Double> flashTimes() {
            List<Double> out = new ArrayList<>();
            for (int i = 1; i < brightness.size(); i++) {
                if (brightness.get(i) - brightness.get(i - 1) > 0.15) {
                    out.add(times.get(i));
                }
            }
            return out;
        }
    }

    static Capture decode(Path file) {
        Capture c = new Capture();
        VideoDecoder.decode(file, VideoDecoder.Settings.DEFAULT, c);
        return c;
    }

    /** Stored frames: bright top half, dark bottom half; the file says "turn 90° clockwise to show". */
    static Path portraitPhoneClip(Path out) throws Exception {
        int w = 320;
        int h = 180;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), w, h, 0)) {
            rec.setFormat("mp4");
            rec.setFrameRate(30);
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setVideoBitrate(800_000);
            rec.setDisplayRotation(-90); // JavaCV takes counter-clockwise degrees
            rec.start();
            Frame f = new Frame(w, h, Frame.DEPTH_UBYTE, 3);
            ByteBuffer b = (ByteBuffer) f.image[0];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w * 3; x++) {
                    b.put(y * f.imageStride + x, (byte) (y < h / 2 ? 230 : 20));
                }
            }
            for (int i = 0; i < 15; i++) {
                rec.record(f, avutil.AV_PIX_FMT_BGR24);
            }
            rec.stop();
        }
        return out;
    }

    @Test
    void portraitPhoneVideoIsAnalysedUpright() throws Exception {
        Path clip = portraitPhoneClip(tmp.resolve("portrait.mp4"));
        assertEquals(90, MediaProbe.probe(clip).rotationDegrees(), "the file carries a 90° display rotation");
        Capture c = decode(clip);
        assertEquals(90, c.info.rotation());
        assertEquals(180, c.info.width(), "width as shown");
        assertEquals(320, c.info.height(), "height as shown");
        assertTrue(c.gridHeight > c.gridWidth, "the analysis grid is portrait: " + c.gridWidth + "x" + c.gridHeight);
        // Turned clockwise, the stored top (bright) is on the right of the picture a viewer sees.
        assertTrue(meanColumns(c.firstGrey, c.gridWidth, c.gridHeight, 0.6, 1.0) > 180, "right side bright");
        assertTrue(meanColumns(c.firstGrey, c.gridWidth, c.gridHeight, 0.0, 0.4) < 60, "left side dark");
        int n = c.cropSize;
        assertTrue((c.firstCrop[((n / 2) * n + n - 5) * 3] & 0xff) > 180, "the encoder's crop is upright too: right bright");
        assertTrue((c.firstCrop[((n / 2) * n + 5) * 3] & 0xff) < 60, "left dark");
    }

    private static double meanColumns(byte[] grey, int w, int h, double from, double to) {
        long sum = 0;
        int count = 0;
        for (int y = 0; y < h; y++) {
            for (int x = (int) (from * w); x < (int) (to * w); x++) {
                sum += grey[y * w + x] & 0xff;
                count++;
            }
        }
        return sum / (double) count;
    }

    /** 4 s at 60 fps then 4 s at 20 fps: 40 fps on average, and index/40 would be 1 s wrong by the end. */
    static double[] twoSpeedFrameTimes() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            t.add(i / 60.0);
        }
        for (int i = 0; i < 80; i++) {
            t.add(4 + i / 20.0);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void variableFrameRateLandsOnAUniformGridAtTheTrueTimes() {
        double[] flashes = {1.0, 3.0, 5.0, 7.0};
        Path clip = new ExactVideoWriter().encoder("mpeg4", avutil.AV_PIX_FMT_YUV420P).size(160, 120)
                .frameTimes(40, 600, twoSpeedFrameTimes()).flashes(flashes).write(tmp.resolve("vfr.mp4"));
        Capture c = decode(clip);
        assertEquals(40, c.info.fps(), 1.0, "nominal rate = the average rate");
        assertEquals(8 * c.info.fps(), c.times.size(), 2, "one grid slot per 1/fps over 8 s");
        // Counting frames instead (index / fps) would put the flash at 7 s near 7.5 s: 300 frames / 40 fps.
        List<Double> seen = c.flashTimes();
        assertEquals(flashes.length, seen.size(), "every flash once: " + seen);
        for (int i = 0; i < flashes.length; i++) {
            assertEquals(flashes[i], seen.get(i), 1.0 / c.info.fps() + 1e-6, "flash " + i + " at its true time");
        }
    }

    @Test
    void oddTinyAndVeryWideSizesDecode() {
        Path odd = new ExactVideoWriter().encoder("mjpeg", avutil.AV_PIX_FMT_YUVJ420P).size(321, 241).constantRate(25, 1)
                .flashes(0.4).write(tmp.resolve("odd.mp4"));
        Capture c = decode(odd);
        assertEquals(321, c.info.width());
        assertEquals(241, c.info.height());
        assertEquals(25, c.times.size());
        assertEquals(List.of(0.4), c.flashTimes());

        Path tiny = new ExactVideoWriter().encoder("mjpeg", avutil.AV_PIX_FMT_YUVJ420P).size(9, 7).constantRate(25, 1)
                .write(tmp.resolve("tiny.mp4"));
        Capture t = decode(tiny);
        assertEquals(9, t.info.width());
        assertEquals(25, t.times.size());
        assertEquals(224, t.cropSize, "the encoder still gets 224x224 crops (upscaled)");

        Path wide = new ExactVideoWriter().encoder("mjpeg", avutil.AV_PIX_FMT_YUVJ420P).size(2000, 50).constantRate(25, 1)
                .write(tmp.resolve("wide.mp4"));
        Capture v = decode(wide);
        assertEquals(2000, v.info.width());
        assertEquals(64, v.gridWidth);
        assertTrue(v.gridHeight >= 16, "a 40:1 banner is squeezed to 4:1 for the analysis, not to a 1-row grid: " + v.gridHeight);
    }

    @Test
    void tenBitVideoDecodes() {
        Path clip = new ExactVideoWriter().encoder("libaom-av1", avutil.AV_PIX_FMT_YUV420P10LE).option("cpu-used", "8")
                .option("usage", "realtime").size(160, 120).constantRate(25, 1.6).flashes(1.0).write(tmp.resolve("ten-bit.mp4"));
        Capture c = decode(clip);
        assertEquals("av1", MediaProbe.probe(clip).videoCodec());
        assertEquals(40, c.times.size());
        assertEquals(List.of(1.0), c.flashTimes());
    }

    @Test
    void interlacedVideoIsDetected() {
        Path clip = new ExactVideoWriter().format("mov").encoder("mpeg2video", avutil.AV_PIX_FMT_YUV420P).size(720, 576)
                .constantRate(25, 1).interlaced().flashes(0.4).write(tmp.resolve("interlaced.mov"));
        Capture c = decode(clip);
        assertTrue(c.info.interlaced(), "field order read from the stream");
        assertEquals(List.of(0.4), c.flashTimes());
        Capture p = decode(new ExactVideoWriter().format("mov").encoder("mpeg2video", avutil.AV_PIX_FMT_YUV420P).size(720, 576)
                .constantRate(25, 0.4).write(tmp.resolve("progressive.mov")));
        assertFalse(p.info.interlaced());
    }
}
