package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Checks a user would make on media files, done with JavaCV's grabber (independent of our code). */
final class MediaTestSupport {
    private MediaTestSupport() {
    }

    /** Keeps FFmpeg's info chatter (encoder stats, muxer passes) out of the test log. */
    static void quietFfmpeg() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /** A 48 kHz stereo sine WAV written through WavWriter. */
    static Path toneWav(Path path, double seconds, double hz, double amplitude) {
        try (WavWriter w = new WavWriter(path)) {
            int total = (int) Math.round(seconds * 48_000);
            float[] block = new float[2 * 4800];
            for (int start = 0; start < total; start += 4800) {
                int n = Math.min(4800, total - start);
                for (int i = 0; i < n; i++) {
                    float v = (float) (amplitude * Math.sin(2 * Math.PI * hz * (start + i) / 48_000.0));
                    block[2 * i] = v;
                    block[2 * i + 1] = v;
                }
                w.write(block, n);
            }
        }
        return path;
    }

    private static FFmpegFrameGrabber grabber(Path file) {
        return new FFmpegFrameGrabber(file.toFile());
    }

    /** SHA-256 over every video packet's bytes, in order: equal digests mean the video was not re-encoded. */
    static String videoPacketDigest(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (FFmpegFrameGrabber g = grabber(file)) {
            g.start();
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                if (p.stream_index() == g.getVideoStream() && p.size() > 0) {
                    byte[] b = new byte[p.size()];
                    p.data().get(b);
                    md.update(b);
                }
            }
            g.stop();
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Walks the packets in file order and returns how far (in seconds) any packet's time lies behind
     * the latest time already seen on another stream: large values mean a player streaming the file
     * would have to buffer one track while waiting for the other.
     */
    static double maxInterleaveGapSeconds(Path file) throws Exception {
        double worst = 0;
        try (FFmpegFrameGrabber g = grabber(file)) {
            g.start();
            var ctx = g.getFormatContext();
            double[] latest = new double[ctx.nb_streams()];
            java.util.Arrays.fill(latest, Double.NaN);
            AVPacket p;
            while ((p = g.grabPacket()) != null) {
                int s = p.stream_index();
                var tb = ctx.streams(s).time_base();
                double t = p.dts() * (double) tb.num() / tb.den();
                for (int o = 0; o < latest.length; o++) {
                    if (o != s && !Double.isNaN(latest[o])) {
                        worst = Math.max(worst, latest[o] - t);
                    }
                }
                latest[s] = t;
            }
            g.stop();
        }
        return worst;
    }

    /** Decoded default audio track: RMS over all samples and length in seconds. */
    record AudioStats(double rms, double seconds) {
    }

    static AudioStats decodeAudio(Path file) throws Exception {
        double sum = 0;
        long values = 0;
        long frames = 0;
        int rate = 0;
        try (FFmpegFrameGrabber g = grabber(file)) {
            g.start();
            rate = g.getSampleRate();
            Frame f;
            while ((f = g.grabSamples()) != null) {
                int perChannel = 0;
                for (Buffer b : f.samples) {
                    int n = b.limit();
                    for (int i = 0; i < n; i++) {
                        double v = sample(b, i);
                        sum += v * v;
                    }
                    values += n;
                    perChannel = f.samples.length > 1 ? n : n / Math.max(1, f.audioChannels);
                }
                frames += perChannel;
            }
            g.stop();
        }
        return new AudioStats(values == 0 ? 0 : Math.sqrt(sum / values), frames / (double) rate);
    }

    private static double sample(Buffer b, int i) {
        if (b instanceof FloatBuffer fb) {
            return fb.get(i);
        }
        if (b instanceof ShortBuffer sb) {
            return sb.get(i) / 32768.0;
        }
        throw new IllegalStateException("unexpected sample buffer " + b.getClass());
    }

    /** One decoded picture: its luma plane (Rec.601 weights) and the mean B, G, R of the frame. */
    record DecodedFrame(int width, int height, byte[] luma, double[] meanBgr) {
        double meanLuma() {
            return 0.114 * meanBgr[0] + 0.587 * meanBgr[1] + 0.299 * meanBgr[2];
        }

        /** Euclidean distance between the frames' mean colours. */
        double colourDistance(DecodedFrame o) {
            double d = 0;
            for (int i = 0; i < 3; i++) {
                d += (meanBgr[i] - o.meanBgr[i]) * (meanBgr[i] - o.meanBgr[i]);
            }
            return Math.sqrt(d);
        }

        /** Mean absolute luma difference to {@code o} in each cell of a 4x4 grid. */
        double[] cellMotion(DecodedFrame o) {
            double[] cells = new double[16];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    cells[(y * 4 / height) * 4 + x * 4 / width] += Math.abs((luma[i] & 0xFF) - (o.luma[i] & 0xFF));
                }
            }
            for (int c = 0; c < 16; c++) {
                cells[c] /= width * (double) height / 16;
            }
            return cells;
        }
    }

    static List<DecodedFrame> decodeFrames(Path file) throws IOException {
        List<DecodedFrame> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = grabber(file)) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                out.add(decoded(f));
            }
            g.stop();
        }
        return out;
    }

    private static DecodedFrame decoded(Frame f) {
        ByteBuffer img = (ByteBuffer) f.image[0];
        double[] bgr = new double[3];
        byte[] luma = new byte[f.imageWidth * f.imageHeight];
        for (int y = 0; y < f.imageHeight; y++) {
            for (int x = 0; x < f.imageWidth; x++) {
                int o = y * f.imageStride + x * 3;
                int b = img.get(o) & 0xFF, gr = img.get(o + 1) & 0xFF, r = img.get(o + 2) & 0xFF;
                bgr[0] += b;
                bgr[1] += gr;
                bgr[2] += r;
                luma[y * f.imageWidth + x] = (byte) Math.round(0.114 * b + 0.587 * gr + 0.299 * r);
            }
        }
        for (int i = 0; i < 3; i++) {
            bgr[i] /= f.imageWidth * (double) f.imageHeight;
        }
        return new DecodedFrame(f.imageWidth, f.imageHeight, luma, bgr);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Files left in a folder whose names mark them as temporary (".part"). */
    static List<Path> leftovers(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
