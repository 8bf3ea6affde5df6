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
 * to a working copy whose short edge is the sample size (the size the neural encoder wants, scaled
 * bicubically as CLIP's preprocessing does); the dense analysis grid and the encoder's centre crops
 * both come from that copy. Memory is one working frame, whatever the video's length.
 */
public final class VideoDecoder {

    /** @param analysisWidth width of the grey analysis grid; @param sampleFps encoder samples per second */
    public record Settings(int analysisWidth, double sampleFps, int sampleSize) {
        public static final Settings DEFAULT = new Settings(64, 2.0, 224);
    }

    /** What one pass decoded. */
    public record Result(VideoInfo info, int framesDecoded, int samples, double lastFrameS) {
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
            int[] work = workingSize(info.width(), info.height(), settings.sampleSize());
            grabber.setImageWidth(work[0]);
            grabber.setImageHeight(work[1]);
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
        grabber.setImageScalingFlags(swscale.SWS_BICUBIC);
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
        double fps = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
        if (!(fps > 0 && fps < 1000)) {
            fps = 25;
        }
        double duration = grabber.getLengthInTime() / 1e6;
        AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
        if (stream != null && stream.duration() > 0 && stream.time_base().den() > 0) {
            // The video stream's own duration: the container's may include a longer audio track.
            duration = stream.duration() * (double) stream.time_base().num() / stream.time_base().den();
        }
        long frames = grabber.getLengthInVideoFrames();
        if (frames <= 0) {
            frames = Math.round(duration * fps);
        }
        int rotation = (int) Math.round(grabber.getDisplayRotation());
        return new VideoInfo(grabber.getImageWidth(), grabber.getImageHeight(), fps, duration, frames, rotation,
                grabber.getVideoCodecName(), grabber.hasAudio());
    }

    /** The short edge becomes the sample size; the long edge keeps the aspect ratio (even, for swscale). */
    static int[] workingSize(int width, int height, int shortEdge) {
        if (width >= height) {
            int w = Math.max(shortEdge, (int) Math.round(width * (double) shortEdge / height) & ~1);
            return new int[] {w, shortEdge};
        }
        int h = Math.max(shortEdge, (int) Math.round(height * (double) shortEdge / width) & ~1);
        return new int[] {shortEdge, h};
    }

    private static Result pump(FFmpegFrameGrabber grabber, VideoInfo info, int w, int h, Settings s, FrameListener listener) {
        int aw = Math.min(s.analysisWidth(), w);
        int ah = Math.max(1, (int) Math.round(aw * (double) h / w));
        FrameReducer reducer = new FrameReducer(w, h, aw, ah, s.sampleSize());
        int index = 0;
        int samples = 0;
        double nextSample = 0;
        double last = 0;
        double firstStamp = 0;
        while (true) {
            Frame frame;
            try {
                frame = grabber.grabImage();
            } catch (FFmpegFrameGrabber.Exception e) {
                if (index == 0) {
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
            double stamp = frame.timestamp > 0 ? frame.timestamp / 1e6 : index / info.fps();
            if (index == 0) {
                firstStamp = stamp; // containers may start at an offset: times are relative to the first frame
            }
            double t = stamp - firstStamp;
            reducer.load((ByteBuffer) frame.image[0], frame.imageStride);
            listener.frame(index, index / info.fps(), reducer.grey(), aw, ah, reducer.brightness(), reducer.saturation(), reducer.warmth());
            if (t + 1e-6 >= nextSample) {
                listener.sample(samples++, t, reducer.centreCropRgb(), s.sampleSize());
                nextSample += 1.0 / s.sampleFps();
            }
            last = t;
            index++;
        }
        if (index == 0) {
            throw new MediaException("no decodable video frames (truncated or corrupt file)");
        }
        double decoded = index / info.fps();
        if (info.durationS() > 2 && decoded < 0.5 * info.durationS()) {
            throw new MediaException(String.format("truncated or corrupt video: only %.1f s of %.1f s could be decoded", decoded, info.durationS()));
        }
        return new Result(info, index, samples, last);
    }
}
