package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An opened demuxer. Turns FFmpeg's failure modes for user files (missing, empty, not media,
 * truncated, no video) into one-line {@link MediaException}s, and always frees the context on close.
 */
final class InputMedia implements AutoCloseable {
    private final Path path;
    private final AVFormatContext ctx;
    private final int videoIndex;
    private final int audioIndex;

    private InputMedia(Path path, AVFormatContext ctx) {
        this.path = path;
        this.ctx = ctx;
        this.videoIndex = best(avutil.AVMEDIA_TYPE_VIDEO);
        this.audioIndex = best(avutil.AVMEDIA_TYPE_AUDIO);
    }

    static InputMedia open(Path path) {
        String name = display(path);
        try {
            if (!Files.exists(path)) {
                throw new MediaException("file not found: " + name);
            }
            if (!Files.isRegularFile(path)) {
                throw new MediaException("not a video: " + name + " is not a regular file");
            }
            if (Files.size(path) == 0) {
                throw new MediaException("not a video: " + name + " is empty (0 bytes)");
            }
        } catch (IOException e) {
            throw new MediaException("cannot read " + name + ": " + e.getMessage(), e);
        }
        AVFormatContext ctx = new AVFormatContext(null);
        int r;
        try (BytePointer url = Av.fileUrl(path)) {
            r = avformat.avformat_open_input(ctx, url, null, (AVDictionary) null);
        }
        if (r < 0) {
            // On failure FFmpeg has already freed the context.
            throw new MediaException("not a video: " + name + " is not a readable media file ("
                    + Av.err(r) + "; truncated or not a video container?)");
        }
        try {
            r = avformat.avformat_find_stream_info(ctx, (PointerPointer<?>) null);
            if (r < 0) {
                throw new MediaException("not a video: cannot read the streams of " + name + " (" + Av.err(r) + ")");
            }
            return new InputMedia(path, ctx);
        } catch (RuntimeException e) {
            avformat.avformat_close_input(ctx);
            throw e;
        }
    }

    private int best(int type) {
        // Skips attached pictures (cover art), which are "video" streams of one frame.
        int i = avformat.av_find_best_stream(ctx, type, -1, -1, (PointerPointer<?>) null, 0);
        return i >= 0 ? i : -1;
    }

    AVFormatContext ctx() {
        return ctx;
    }

    String name() {
        return display(path);
    }

    int videoIndex() {
        return videoIndex;
    }

    int audioIndex() {
        return audioIndex;
    }

    AVStream stream(int index) {
        return ctx.streams(index);
    }

    /** The video stream, or a MediaException saying what the file holds instead. */
    AVStream requireVideo() {
        if (videoIndex < 0) {
            String what = audioIndex >= 0 ? "audio only" : ctx.nb_streams() == 0 ? "no streams at all" : "no playable streams";
            throw new MediaException("not a video: " + name() + " has no video stream (" + what + ")");
        }
        return stream(videoIndex);
    }

    /** Reads the next packet; false at the end of the file. A read error mid-file is a damaged input. */
    boolean read(AVPacket pkt, long packetsSoFar) {
        int r = avformat.av_read_frame(ctx, pkt);
        if (r == avutil.AVERROR_EOF()) {
            return false;
        }
        if (r < 0) {
            throw new MediaException("damaged video: " + name() + " cannot be read after " + packetsSoFar
                    + " packets (" + Av.err(r) + ")");
        }
        return true;
    }

    /**
     * A file cut short but with its index (moov) up front still opens, and simply runs out of
     * packets; compare with the frame count the index promised so it is not taken for a short clip.
     */
    void requireComplete(long videoPackets) {
        long expected = stream(videoIndex).nb_frames();
        if (expected > 0 && videoPackets < expected) {
            throw new MediaException("damaged video: " + name() + " is truncated (" + videoPackets + " of "
                    + expected + " video frames present)");
        }
    }

    @Override
    public void close() {
        avformat.avformat_close_input(ctx);
    }

    static String display(Path p) {
        Path f = p.getFileName();
        return f == null ? p.toString() : f.toString();
    }
}
