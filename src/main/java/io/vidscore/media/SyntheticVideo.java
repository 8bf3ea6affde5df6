package io.vidscore.media;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Generates test videos with known ground truth: a textured, moving background (real motion
 * everywhere), full-frame flashes, a bouncing ball whose impacts happen at given times, and hard
 * cuts that switch palette and texture. Frames are rendered and encoded one at a time, so memory
 * does not grow with duration. Same settings and seed give the same pictures.
 *
 * <pre>{@code
 * SyntheticVideo.builder().size(640, 360).fps(30).duration(10).seed(7)
 *     .flashes(2, 4).impacts(0.5, 1.0, 1.5).cuts(5).withAudio(true).build().write(out);
 * }</pre>
 */
public final class SyntheticVideo {
    /** Video codec to encode with. AUTO is H.264 when an encoder exists, else MPEG-4 Part 2. */
    public enum Codec { AUTO, H264, MPEG4 }

    static final int AUDIO_RATE = 48_000;
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    /** Per partial; two partials peak near 0.06, about -24 dBFS: clearly "quiet original audio". */
    private static final double TONE_AMPLITUDE = 0.03;

    private final Builder b;

    private SyntheticVideo(Builder b) {
        this.b = b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Encoder the {@link Codec#AUTO} choice resolves to here: "libopenh264", "libx264" or "mpeg4". */
    public static String autoEncoderName() {
        return VideoEncoders.h264().orElse("mpeg4");
    }

    /**
     * Renders and encodes the video to {@code out} (MP4, yuv420p, keyframe every 2 s). The file
     * appears only when complete: it is written beside {@code out} under a temporary name first.
     */
    public Path write(Path out) {
        Path tmp = tempBeside(out);
        try {
            encode(tmp);
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new MediaException("cannot write synthetic video " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private void encode(Path tmp) throws IOException {
        int frames = (int) Math.round(b.duration * b.fps);
        SceneRenderer renderer = new SceneRenderer(b.width, b.height, b.seed, b.flashes, b.impacts, b.cuts);
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toString(), b.width, b.height, b.audio ? 2 : 0);
        Frame frame = new Frame(b.width, b.height, Frame.DEPTH_UBYTE, 3);
        try {
            configure(rec);
            rec.start();
            ByteBuffer image = (ByteBuffer) frame.image[0];
            byte[] pixels = new byte[frame.imageStride * b.height];
            ToneTrack tone = new ToneTrack(b.seed);
            long samplesDone = 0;
            for (int i = 0; i < frames; i++) {
                renderer.paint(i / b.fps, pixels, frame.imageStride);
                image.clear();
                image.put(pixels).flip();
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
                if (b.audio) {
                    // Exactly the samples that belong to this frame, so audio ends with the video.
                    long until = Math.round((i + 1) * AUDIO_RATE / b.fps);
                    rec.recordSamples(AUDIO_RATE, 2, tone.next((int) (until - samplesDone)));
                    samplesDone = until;
                }
            }
            rec.stop();
        } catch (FrameRecorder.Exception e) {
            throw new MediaException("cannot encode synthetic video with " + encoderName() + ": " + e.getMessage(), e);
        } finally {
            try {
                rec.release();
            } finally {
                frame.close();
            }
        }
    }

    private void configure(FFmpegFrameRecorder rec) {
        rec.setFormat("mp4");
        rec.setFrameRate(b.fps);
        rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        rec.setGopSize((int) Math.max(1, Math.round(2 * b.fps)));
        rec.setVideoBitrate(b.videoBitrate > 0 ? b.videoBitrate
                : (int) Math.min(8_000_000, Math.max(150_000, b.width * (long) b.height * b.fps * 0.15)));
        String enc = encoderName();
        if (enc.equals("mpeg4")) {
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        } else {
            rec.setVideoCodecName(enc);
        }
        if (b.rotation != 0) {
            // JavaCV takes the angle counter-clockwise, as av_display_rotation_set does.
            rec.setDisplayRotation(-b.rotation);
        }
        if (b.audio) {
            rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            rec.setSampleRate(AUDIO_RATE);
            rec.setAudioChannels(2);
            rec.setAudioBitrate(96_000);
        }
    }

    /** The encoder this video will be written with. */
    public String encoderName() {
        switch (b.codec) {
            case MPEG4:
                return "mpeg4";
            case H264:
                return VideoEncoders.h264().orElseThrow(
                        () -> new MediaException("no H.264 encoder in this FFmpeg build (neither libx264 nor libopenh264)"));
            default:
                return autoEncoderName();
        }
    }

    // ---- deliberately bad inputs, for tests -------------------------------------------------

    /** An MP4 with a quiet AAC tone and no video stream. */
    public static Path writeAudioOnlyMp4(Path out, double seconds) {
        Path tmp = tempBeside(out);
        FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toString(), 2);
        try {
            try {
                rec.setFormat("mp4");
                rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                rec.setSampleRate(AUDIO_RATE);
                rec.setAudioChannels(2);
                rec.setAudioBitrate(96_000);
                rec.start();
                ToneTrack tone = new ToneTrack(1);
                long total = Math.round(seconds * AUDIO_RATE);
                for (long done = 0; done < total; done += 4800) {
                    rec.recordSamples(AUDIO_RATE, 2, tone.next((int) Math.min(4800, total - done)));
                }
                rec.stop();
            } finally {
                rec.release();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new MediaException("cannot write audio-only MP4 " + out + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** The first {@code bytes} bytes of {@code source}: what an interrupted upload leaves behind. */
    public static Path writeTruncatedCopy(Path source, Path out, long bytes) {
        try (InputStream in = Files.newInputStream(source); OutputStream os = Files.newOutputStream(out)) {
            byte[] buf = new byte[64 * 1024];
            long left = bytes;
            int n;
            while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
                os.write(buf, 0, n);
                left -= n;
            }
            return out;
        } catch (IOException e) {
            throw new MediaException("cannot write truncated copy " + out + ": " + e.getMessage(), e);
        }
    }

    /** A plain text file, typically given a ".mp4" name to look like a video. */
    public static Path writeTextFile(Path out) {
        try {
            return Files.writeString(out, "This is a text file, not a video.\nIt only has a video's name.\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MediaException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** A zero-byte file. */
    public static Path writeEmptyFile(Path out) {
        try {
            return Files.write(out, new byte[0]);
        } catch (IOException e) {
            throw new MediaException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** A temporary, ASCII-named file in out's folder (so the final move is a same-disk rename). */
    static Path tempBeside(Path out) {
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would carry over to the result.
            for (int attempt = 0; ; attempt++) {
                Path tmp = dir.resolve(".vidscore-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
                try {
                    return Files.createFile(tmp);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new MediaException("cannot write to the folder of " + out + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: a leftover .part file is harmless and obviously temporary
        }
    }

    /** A quiet two-partial tone (220 + 330 Hz), 48 kHz stereo 16-bit interleaved. */
    private static final class ToneTrack {
        private final double phaseOffset;
        private long n;

        ToneTrack(long seed) {
            phaseOffset = (seed % 360) * Math.PI / 180;
        }

        ShortBuffer next(int frames) {
            short[] s = new short[frames * 2];
            for (int i = 0; i < frames; i++, n++) {
                double t = n / (double) AUDIO_RATE;
                double v = TONE_AMPLITUDE * (Math.sin(2 * Math.PI * 220 * t + phaseOffset) + Math.sin(2 * Math.PI * 330 * t));
                short q = (short) Math.round(v * 32767);
                s[2 * i] = q;
                s[2 * i + 1] = q;
            }
            return ShortBuffer.wrap(s);
        }
    }

    /** Settings for a {@link SyntheticVideo}; times are in seconds from the start. */
    public static final class Builder {
        private int width = 320;
        private int height = 180;
        private double fps = 25;
        private double duration = 2;
        private long seed = 1;
        private Codec codec = Codec.AUTO;
        private boolean audio;
        private int rotation;
        private int videoBitrate;
        private double[] flashes = {};
        private double[] impacts = {};
        private double[] cuts = {};

        private Builder() {
        }

        public Builder size(int width, int height) {
            if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
                throw new IllegalArgumentException("size must be even and at least 16x16: " + width + "x" + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder fps(double fps) {
            if (!(fps > 0 && fps <= 240)) {
                throw new IllegalArgumentException("fps out of range: " + fps);
            }
            this.fps = fps;
            return this;
        }

        public Builder duration(double seconds) {
            if (!(seconds > 0)) {
                throw new IllegalArgumentException("duration must be positive: " + seconds);
            }
            this.duration = seconds;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder codec(Codec codec) {
            this.codec = codec;
            return this;
        }

        /** Adds a quiet AAC tone track (48 kHz stereo) exactly as long as the video. */
        public Builder withAudio(boolean audio) {
            this.audio = audio;
            return this;
        }

        /** Clockwise display rotation stored in the file (0, 90, 180, 270), as phones do. */
        public Builder rotation(int degreesClockwise) {
            if (degreesClockwise % 90 != 0) {
                throw new IllegalArgumentException("rotation must be a multiple of 90: " + degreesClockwise);
            }
            this.rotation = ((degreesClockwise % 360) + 360) % 360;
            return this;
        }

        /** Video bit rate in bit/s; 0 (default) picks one from size and frame rate. */
        public Builder videoBitrate(int bitsPerSecond) {
            this.videoBitrate = bitsPerSecond;
            return this;
        }

        /** Full-frame brightness pulses starting at these times. */
        public Builder flashes(double... times) {
            this.flashes = times.clone();
            return this;
        }

        /** Times at which the ball hits the floor and reverses direction. */
        public Builder impacts(double... times) {
            this.impacts = times.clone();
            return this;
        }

        /** Hard cuts: at each time the palette, texture and motion change at once. */
        public Builder cuts(double... times) {
            this.cuts = times.clone();
            return this;
        }

        public SyntheticVideo build() {
            return new SyntheticVideo(this);
        }
    }
}
