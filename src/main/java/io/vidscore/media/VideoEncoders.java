package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

import java.util.Optional;

/**
 * Which software H.264 encoder this FFmpeg build really has. The JavaCPP FFmpeg build is LGPL, so
 * libx264 is normally missing and libopenh264 is the usual one; an encoder is only counted when it
 * actually opens (a listed encoder can still fail if its library is absent).
 */
public final class VideoEncoders {
    /** Preferred order: x264 compresses best; openh264 is the LGPL-friendly fallback. */
    private static final String[] H264_CANDIDATES = {"libx264", "libopenh264"};
    private static volatile Optional<String> h264;

    private VideoEncoders() {
    }

    /** Name of a working software H.264 encoder, e.g. "libopenh264"; empty if there is none. */
    public static Optional<String> h264() {
        Optional<String> found = h264;
        if (found == null) {
            found = Optional.empty();
            for (String name : H264_CANDIDATES) {
                if (opens(name)) {
                    found = Optional.of(name);
                    break;
                }
            }
            h264 = found;
        }
        return found;
    }

    private static boolean opens(String name) {
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(name);
        if (codec == null || codec.isNull()) {
            return false;
        }
        AVCodecContext ctx = avcodec.avcodec_alloc_context3(codec);
        try {
            ctx.width(64);
            ctx.height(64);
            ctx.pix_fmt(avutil.AV_PIX_FMT_YUV420P);
            ctx.time_base(avutil.av_make_q(1, 25));
            ctx.framerate(avutil.av_make_q(25, 1));
            ctx.bit_rate(200_000);
            return avcodec.avcodec_open2(ctx, codec, (AVDictionary) null) >= 0;
        } finally {
            avcodec.avcodec_free_context(ctx);
        }
    }
}
