package io.vidscore.tools;

import io.vidscore.media.MediaException;
import io.vidscore.media.SyntheticVideo;
import io.vidscore.tools.TruthClip.Kind;
import io.vidscore.tools.TruthScenes.Shot;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * The accuracy benchmark's clip set: short videos with known ground truth. Flashes and bouncing-ball
 * impacts at several tempi over busy moving backgrounds and a colourful montage come from
 * {@link SyntheticVideo}; still shots, noise, a slow pan, a montage of shots sharing one palette, fades
 * through black and cross-dissolves from {@link TruthScenes}. Everything is small (256x144, 8 s) so the
 * whole set is generated and analysed in seconds.
 */
public final class TruthClips {
    public static final int WIDTH = 256;
    public static final int HEIGHT = 144;
    public static final double DURATION_S = 8;
    /** The tempi of the rhythmic clips: a slow ballad to a fast dance, across the 60-120 octave boundary. */
    public static final double[] TEMPI = {72, 96, 120, 150};

    /**
     * MPEG-4 Part 2: FFmpeg's own encoder, in every build and several times faster than openh264 at this
     * size, so the whole set stays a few seconds of CPU. {@link AnalysisAccuracy} can use H.264 instead.
     */
    static final SyntheticVideo.Codec DEFAULT_CODEC = SyntheticVideo.Codec.MPEG4;

    private TruthClips() {
    }

    /** The whole set, in table order. */
    public static List<TruthClip> standardSet() {
        List<TruthClip> set = new ArrayList<>();
        for (double bpm : TEMPI) {
            set.add(rhythmic("flashes-" + (int) bpm, Kind.FLASHES, bpm, 30));
        }
        set.add(rhythmic("flashes-100-25fps", Kind.FLASHES, 100, 25));
        for (double bpm : TEMPI) {
            set.add(rhythmic("impacts-" + (int) bpm, Kind.IMPACTS, bpm, 30));
        }
        set.add(rhythmic("impacts-110-24fps", Kind.IMPACTS, 110, 24));
        set.add(clip("montage", Kind.MONTAGE, 30, new double[] {1.2, 2.9, 3.6, 5.2, 6.1, 7.0}, new double[0][]));
        set.add(clip("montage-same-palette", Kind.SIMILAR_MONTAGE, 30, new double[] {1.5, 3.0, 4.2, 5.9, 7.1}, new double[0][]));
        set.add(clip("static", Kind.STATIC, 30, new double[0], new double[0][]));
        set.add(clip("noise", Kind.NOISE, 30, new double[0], new double[0][]));
        set.add(clip("slow-pan", Kind.PAN, 30, new double[0], new double[0][]));
        set.add(clip("fades", Kind.FADES, 30, new double[0], new double[][] {{0, 1}, {3, 4}, {4.5, 5.5}}));
        set.add(clip("dissolves", Kind.DISSOLVES, 30, new double[0], new double[][] {{2.5, 3.5}, {5.5, 6.0}}));
        return set;
    }

    /** The committed samples/sample.mp4 and its truth (written by {@link MakeSample}): 120 BPM impacts, flashes, one cut. */
    public static TruthClip sample() {
        return new TruthClip("sample.mp4", Kind.SAMPLE, MakeSample.FPS, MakeSample.DURATION, MakeSample.BPM, MakeSample.IMPACTS,
                MakeSample.CUTS, new double[0][]);
    }

    private static TruthClip clip(String name, Kind kind, double fps, double[] cuts, double[][] gradual) {
        return new TruthClip(name, kind, fps, DURATION_S, 0, new double[0], cuts, gradual);
    }

    /** Beats every 60/bpm s from 0.4 s on, leaving the last 0.3 s free so the last event is complete. */
    private static TruthClip rhythmic(String name, Kind kind, double bpm, double fps) {
        double period = 60 / bpm;
        List<Double> beats = new ArrayList<>();
        for (int k = 0; 0.4 + k * period < DURATION_S - 0.3; k++) {
            // Not rounded: a time rounded up by a microsecond would put the event one frame late.
            beats.add(0.4 + k * period);
        }
        return new TruthClip(name, kind, fps, DURATION_S, bpm, beats.stream().mapToDouble(Double::doubleValue).toArray(),
                new double[0], new double[0][]);
    }

    /** Renders and encodes the clip into {@code dir}/{@code name}.mp4 with the default codec and seed. */
    public static Path write(TruthClip c, Path dir) {
        return write(c, dir, DEFAULT_CODEC, 0);
    }

    /** The same with another codec, or other pictures (textures, colours, motion) under another seed. */
    public static Path write(TruthClip c, Path dir, SyntheticVideo.Codec codec, long seedOffset) {
        Path out = dir.resolve(c.name() + ".mp4");
        long seed = c.name().hashCode() + 1_000_003L * seedOffset;
        switch (c.kind()) {
            case FLASHES:
                return SyntheticVideo.builder().size(WIDTH, HEIGHT).fps(c.fps()).duration(c.durationS()).seed(seed).codec(codec)
                        .flashes(c.beatsS()).build().write(out);
            case IMPACTS:
                return SyntheticVideo.builder().size(WIDTH, HEIGHT).fps(c.fps()).duration(c.durationS()).seed(seed).codec(codec)
                        .impacts(c.beatsS()).build().write(out);
            case MONTAGE:
                return SyntheticVideo.builder().size(WIDTH, HEIGHT).fps(c.fps()).duration(c.durationS()).seed(seed).codec(codec)
                        .cuts(c.cutsS()).build().write(out);
            default:
                return encode(out, c, painter(c, seed), codec);
        }
    }

    private static TruthScenes.Painter painter(TruthClip c, long seed) {
        int[] dusk = TruthScenes.bgr(30, 40, 90);
        int[] sky = TruthScenes.bgr(150, 180, 230);
        switch (c.kind()) {
            case SIMILAR_MONTAGE: {
                // One palette for every shot: only texture, scale and motion change at the cuts.
                Shot[] shots = new Shot[c.cutsS().length + 1];
                int[][] grains = {{16, 8}, {64, 4}, {32, 16}, {8, 32}, {64, 16}, {16, 64}};
                for (int i = 0; i < shots.length; i++) {
                    double angle = 1.3 * i;
                    shots[i] = new Shot(seed + i, dusk, sky, grains[i % grains.length][0], grains[i % grains.length][1],
                            30 * Math.cos(angle), 30 * Math.sin(angle), -20 * Math.sin(angle), 20 * Math.cos(angle));
                }
                return TruthScenes.cuts(shots, c.cutsS());
            }
            case STATIC:
                return TruthScenes.cuts(new Shot[] {new Shot(seed, dusk, sky, 16, 4, 0, 0, 0, 0)}, new double[0]);
            case NOISE:
                return TruthScenes.noise(seed);
            case PAN:
                // A rigid pan at 24 px/s (an eighth of the width per second... slow, like a landscape pan).
                return TruthScenes.cuts(new Shot[] {new Shot(seed, dusk, sky, 32, 8, 24, 3, 24, 3)}, new double[0]);
            case FADES: {
                double[][] g = c.gradualS();
                Shot first = new Shot(seed, dusk, sky, 32, 8, 30, 10, -10, 20);
                Shot second = new Shot(seed + 1, TruthScenes.bgr(60, 20, 10), TruthScenes.bgr(250, 200, 90), 16, 4, -20, 25, 15, -10);
                return TruthScenes.fades(first, second, g[0][1], g[1][0], g[1][1], g[2][0], g[2][1]);
            }
            case DISSOLVES: {
                Shot[] shots = {
                    new Shot(seed, dusk, sky, 32, 8, 30, 10, -10, 20),
                    new Shot(seed + 1, TruthScenes.bgr(60, 20, 10), TruthScenes.bgr(250, 200, 90), 16, 4, -20, 25, 15, -10),
                    new Shot(seed + 2, TruthScenes.bgr(10, 50, 20), TruthScenes.bgr(160, 230, 120), 64, 8, 10, -30, 25, 5),
                };
                return TruthScenes.dissolves(shots, c.gradualS());
            }
            default:
                throw new IllegalArgumentException("no painter for " + c.kind());
        }
    }

    /** Encodes painted frames as MP4 (H.264 when the build has an encoder, else MPEG-4 Part 2), yuv420p. */
    private static Path encode(Path out, TruthClip c, TruthScenes.Painter painter, SyntheticVideo.Codec codec) {
        int frames = (int) Math.round(c.durationS() * c.fps());
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toString(), WIDTH, HEIGHT, 0);
        Frame frame = new Frame(WIDTH, HEIGHT, Frame.DEPTH_UBYTE, 3);
        try {
            rec.setFormat("mp4");
            rec.setFrameRate(c.fps());
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setGopSize((int) Math.round(2 * c.fps()));
            rec.setVideoBitrate((int) (WIDTH * HEIGHT * c.fps() * 0.15));
            String enc = codec == SyntheticVideo.Codec.MPEG4 ? "mpeg4" : SyntheticVideo.autoEncoderName();
            if (enc.equals("mpeg4")) {
                rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            } else {
                rec.setVideoCodecName(enc);
            }
            rec.start();
            ByteBuffer image = (ByteBuffer) frame.image[0];
            byte[] pixels = new byte[frame.imageStride * HEIGHT];
            for (int i = 0; i < frames; i++) {
                painter.paint(i / c.fps(), pixels, frame.imageStride, WIDTH, HEIGHT);
                image.clear();
                image.put(pixels).flip();
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            rec.stop();
            return out;
        } catch (FrameRecorder.Exception e) {
            throw new MediaException("cannot encode " + out + ": " + e.getMessage(), e);
        } finally {
            try {
                rec.release();
            } catch (FrameRecorder.Exception ignored) {
                // the clip is written or the exception above says why not
            }
            frame.close();
        }
    }
}
