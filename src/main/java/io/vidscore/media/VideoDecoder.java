package io.vidscore.media;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;

/**
 * One streaming decode pass over a video file (FFmpeg through JavaCV). FFmpeg scales each frame once,
 * to a working copy whose short edge is the sample size (the size the neural encoder wants; see
 * {@link #scalingFlags}); the copy is turned upright (display rotation), and the dense analysis grid and
 * the encoder's centre crops both come from it, on a uniform time grid (see {@code pump}). Memory is one working frame, whatever the video's length.
 */
public final class VideoDecoder {

    /** @param analysisWidth width of the grey analysis grid; @param sampleFps encoder samples per second */
    public record Settings(int analysisWidth, double sampleFps, int sampleSize) {
        public static final Settings DEFAULT = new Settings(64, 2.0, 224);
    }

    /**
     * What one pass decoded.
     *
     * @param framesDecoded frames the file holds (as decoded)
     * @param gridFrames    frames handed to the listener: the uniform grid at {@code info.fps()}
     * @param lastFrameS    time of the last frame, relative to the first
     */
    public record Result(VideoInfo info, int framesDecoded, int gridFrames, int samples, double lastFrameS) {
    }

    static {
        // FFmpeg's own chatter would garble the CLI's progress bar; errors reach the user through MediaException.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.setLevel(avutil.AV_LOG_QUIET);
    }

    private VideoDecoder() {
    }

    public static Result decode(Path file, Settings settings, FrameListener listener) {
        checkReadable(file);
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            open(grabber, file);
            VideoInfo info = describe(grabber);
            // Decoded frames are stored-orientation: scale in stored terms, then turn upright.
            int[] stored = Upright.dimensions(info.width(), info.height(), info.rotation());
            int[] work = workingSize(stored[0], stored[1], settings.sampleSize());
            grabber.setImageWidth(work[0]);
            grabber.setImageHeight(work[1]);
            grabber.setImageScalingFlags(scalingFlags(stored[1], work[1]));
            listener.started(info);
            return pump(grabber, info, work[0], work[1], settings, listener);
        } finally {
            try {
                grabber.close();
            } catch (Exception ignored) {
                // nothing useful to do: the pass is over either way
            }
        }
    }

    private static void checkReadable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new MediaException("no such file: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new MediaException("empty file (0 bytes)");
            }
        } catch (java.io.IOException e) {
            throw new MediaException("cannot read file: " + e.getMessage());
        }
    }

    private static void open(FFmpegFrameGrabber grabber, Path file) {
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        grabber.setAudioStream(-1); // skip audio decoding: the music replaces it
        grabber.setVideoOption("threads", "auto"); // as the ffmpeg CLI does: one decoding thread per core
        try {
            grabber.start();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new MediaException(explainOpenFailure(e.getMessage(), looksLikeMp4(file)), e);
        } catch (RuntimeException e) {
            throw new MediaException("cannot open as a video: " + e.getMessage(), e);
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
            String undecodable = undecodableVideoStream(grabber.getFormatContext());
            if (undecodable != null) {
                throw new MediaException("unsupported video codec: no decoder for the video stream (" + undecodable + ")");
            }
            throw new MediaException(grabber.hasAudio() ? "no video stream: the file is audio only" : "no video stream in the file");
        }
    }

    /** A video stream FFmpeg found but cannot decode (unknown four-cc, codec not in this build), described; else null. */
    private static String undecodableVideoStream(AVFormatContext ctx) {
        for (int i = 0; ctx != null && i < ctx.nb_streams(); i++) {
            AVCodecParameters par = ctx.streams(i).codecpar();
            if (par.codec_type() == avutil.AVMEDIA_TYPE_VIDEO) {
                int tag = par.codec_tag();
                String fourcc = tag == 0 ? "" : new String(new char[] {(char) (tag & 0xff), (char) (tag >> 8 & 0xff), (char) (tag >> 16 & 0xff), (char) (tag >>> 24)});
                String name = avcodec.avcodec_get_name(par.codec_id()).getString();
                return fourcc.isBlank() ? name : "four-cc '" + fourcc + "', " + name;
            }
        }
        return null;
    }

    /** MP4 and QuickTime files start with an 'ftyp' box: if FFmpeg cannot open one, it is damaged, not foreign. */
    private static boolean looksLikeMp4(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String explainOpenFailure(String message, boolean mp4) {
        String m = message == null ? "" : message;
        if (m.contains("moov atom not found") || mp4) {
            return "truncated or incomplete MP4: its index (moov atom) is missing";
        }
        if (m.contains("Unsupported video") || m.contains("avcodec_find_decoder") || m.contains("Unsupported codec")) {
            return "unsupported video codec: no decoder for this video stream";
        }
        if (m.contains("Invalid data found") || m.contains("avformat_open_input")) {
            return "not a video file: FFmpeg does not recognise its format";
        }
        return "cannot open as a video: " + m;
    }

    private static VideoInfo describe(FFmpegFrameGrabber grabber) {
        AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
        double fps = nominalFps(grabber, stream);
        double duration = grabber.getLengthInTime() / 1e6;
        if (stream != null && stream.duration() > 0 && stream.time_base().den() > 0) {
            // The video stream's own duration: the container's may include a longer audio track.
            duration = stream.duration() * (double) stream.time_base().num() / stream.time_base().den();
        }
        long frames = grabber.getLengthInVideoFrames();
        if (frames <= 0) {
            frames = Math.round(duration * fps);
        }
        AVCodecParameters par = stream.codecpar();
        // Av decides what the display matrix means, for the probe and the decoder alike (clockwise degrees).
        int rotation = (int) (Math.round(Av.rotationDegrees(par) / 90.0) * 90 % 360); // players snap to quarter turns
        int[] upright = Upright.dimensions(grabber.getImageWidth(), grabber.getImageHeight(), rotation);
        int order = par.field_order();
        boolean interlaced = order == avcodec.AV_FIELD_TT || order == avcodec.AV_FIELD_BB
                || order == avcodec.AV_FIELD_TB || order == avcodec.AV_FIELD_BT;
        return new VideoInfo(upright[0], upright[1], fps, duration, frames, rotation, grabber.getVideoCodecName(),
                grabber.hasAudio(), interlaced);
    }

    /**
     * The rate of the uniform grid the per-frame series live on. For constant-rate video that is the
     * stream's base rate (r_frame_rate): the average rate is frames over duration and comes out a few
     * percent high on short clips whose last frame has no duration. When the two disagree by more than
     * 10 % the stream is variable-rate (a phone clip, a screen recording) and the average rate is the
     * grid that neither piles up nor thins out frames overall.
     */
    static double nominalFps(double baseRate, double averageRate, double fallback) {
        boolean base = baseRate > 0 && baseRate <= 240;
        boolean avg = averageRate > 0 && averageRate <= 240;
        if (base && (!avg || Math.abs(averageRate - baseRate) <= 0.1 * baseRate)) {
            return baseRate;
        }
        if (avg) {
            return averageRate;
        }
        return fallback > 0 && fallback < 1000 ? fallback : 25;
    }

    private static double nominalFps(FFmpegFrameGrabber grabber, AVStream stream) {
        double fallback = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
        if (stream == null) {
            return nominalFps(0, 0, fallback);
        }
        return nominalFps(rate(stream.r_frame_rate()), rate(stream.avg_frame_rate()), fallback);
    }

    private static double rate(org.bytedeco.ffmpeg.avutil.AVRational q) {
        return q.num() > 0 && q.den() > 0 ? q.num() / (double) q.den() : 0;
    }

    /**
     * How swscale resamples to the working frame. Shrinking: an area (box) filter, which averages every
     * source pixel under a working pixel — anti-aliased like the antialiased resize of CLIP-style
     * preprocessing, and about 15 % faster than bicubic here (bench/EXTRACT.md). It is also the
     * deinterlacer: interlaced formats (480i, 576i, 1080i) have at least two source lines per row of the
     * 224-line working frame, so each row averages both fields and combing disappears. Enlarging (tiny
     * videos): bicubic.
     */
    static int scalingFlags(int sourceHeight, int workingHeight) {
        return sourceHeight >= workingHeight ? swscale.SWS_AREA : swscale.SWS_BICUBIC;
    }

    /**
     * Beyond this aspect ratio the working frame is squeezed along its long edge: a 10000x10 banner would
     * otherwise need a 224000-pixel-wide working frame to keep a 224-pixel short edge. Up to 4:1 (wider
     * than any cinema format) pictures keep their proportions.
     */
    static final int MAX_ASPECT = 4;

    /** The short edge becomes the sample size; the long edge keeps the aspect ratio (even, for swscale). */
    static int[] workingSize(int width, int height, int shortEdge) {
        int maxLong = MAX_ASPECT * shortEdge;
        if (width >= height) {
            int w = Math.min(maxLong, Math.max(shortEdge, (int) Math.round(width * (double) shortEdge / height) & ~1));
            return new int[] {w, shortEdge};
        }
        int h = Math.min(maxLong, Math.max(shortEdge, (int) Math.round(height * (double) shortEdge / width) & ~1));
        return new int[] {shortEdge, h};
    }

    /**
     * Decodes every frame and hands the listener a series on a uniform time grid at the nominal rate:
     * grid slot k is the frame shown at k/fps, by the frames' own timestamps (as the ffmpeg CLI's fps
     * filter does). A constant-rate video maps one frame per slot; a variable-rate one has frames repeated
     * across gaps and frames that share a slot dropped, so per-frame times (beats, cuts) stay true.
     */
    private static Result pump(FFmpegFrameGrabber grabber, VideoInfo info, int w, int h, Settings s, FrameListener listener) {
        Upright upright = new Upright(w, h, info.rotation());
        int uw = upright.width();
        int uh = upright.height();
        int aw = Math.min(s.analysisWidth(), uw);
        int ah = Math.max(1, (int) Math.round(aw * (double) uh / uw));
        FrameReducer reducer = new FrameReducer(uw, uh, aw, ah, s.sampleSize());
        double fps = info.fps();
        int decoded = 0;
        int slot = 0; // next grid slot to fill
        int samples = 0;
        double nextSample = 0;
        double last = 0;
        double firstStamp = 0;
        double previousStamp = Double.NEGATIVE_INFINITY;
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FFmpegFrameGrabber.Exception e) {
                if (decoded == 0) {
                    throw new MediaException("no decodable video frames: " + e.getMessage(), e);
                }
                break; // damaged tail: keep what decoded, the duration check below judges it
            }
            if (frame == null) {
                break;
            }
            if (frame.image == null) {
                continue;
            }
            double stamp = frame.timestamp / 1e6;
            if (decoded == 0) {
                firstStamp = stamp; // containers may start at an offset: times are relative to the first frame
            } else if (!(stamp > previousStamp)) {
                stamp = previousStamp + 1 / fps; // missing or repeated timestamps: assume the nominal spacing
            }
            previousStamp = stamp;
            double t = stamp - firstStamp;
            long target = Math.round(t * fps);
            decoded++;
            last = t;
            if (target < slot) {
                continue; // a second frame within one grid slot (variable rate): the slot already has its frame
            }
            // Frames missing from the grid (a gap in a variable-rate stream) show the previous picture, as a player would.
            while (slot > 0 && slot < target) {
                emit(listener, reducer, slot++, fps, aw, ah);
            }
            if (info.rotation() == 0) {
                reducer.load((ByteBuffer) frame.image[0], frame.imageStride); // already upright: no copy
            } else {
                reducer.load(upright.apply((ByteBuffer) frame.image[0], frame.imageStride), uw * 3);
            }
            slot = (int) target;
            emit(listener, reducer, slot++, fps, aw, ah);
            if (t + 1e-6 >= nextSample) {
                listener.sample(samples++, t, reducer.centreCropRgb(), s.sampleSize());
                nextSample += 1.0 / s.sampleFps();
            }
        }
        if (decoded == 0) {
            throw new MediaException("no decodable video frames (truncated or corrupt file)");
        }
        double decodedS = last + 1 / fps;
        if (info.durationS() > 2 && decodedS < 0.5 * info.durationS()) {
            throw new MediaException(String.format("truncated or corrupt video: only %.1f s of %.1f s could be decoded", decodedS, info.durationS()));
        }
        return new Result(info, decoded, slot, samples, last);
    }

    private static void emit(FrameListener listener, FrameReducer reducer, int slot, double fps, int aw, int ah) {
        listener.frame(slot, slot / fps, reducer.grey(), aw, ah, reducer.brightness(), reducer.saturation(), reducer.warmth());
    }
}
