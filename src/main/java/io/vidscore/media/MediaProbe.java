package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports what a media file holds, ffprobe-style, by demuxing it (no decoding). Video packets are
 * counted by reading them all, so the count is what a player would get, not what the header claims.
 */
public final class MediaProbe {
    private MediaProbe() {
    }

    /**
     * Probes {@code file}. A file without video is a valid answer ({@link ProbeResult#hasVideo()} false).
     *
     * @throws MediaException when the file is missing, empty, not media, or truncated
     */
    public static ProbeResult probe(Path file) {
        try (InputMedia in = InputMedia.open(file)) {
            AVFormatContext ctx = in.ctx();
            List<ProbeResult.AudioStream> audio = new ArrayList<>();
            for (int i = 0; i < ctx.nb_streams(); i++) {
                AVCodecParameters p = ctx.streams(i).codecpar();
                if (p.codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                    audio.add(new ProbeResult.AudioStream(Av.codecName(p.codec_id()),
                            p.ch_layout().nb_channels(), p.sample_rate()));
                }
            }
            String container = ctx.iformat().name().getString();
            double duration = ctx.duration() == avutil.AV_NOPTS_VALUE ? 0 : ctx.duration() / (double) avutil.AV_TIME_BASE;
            if (in.videoIndex() < 0) {
                return new ProbeResult(container, duration, null, 0, 0, 0, 0, 0, 0, audio);
            }
            AVStream v = in.stream(in.videoIndex());
            AVCodecParameters vp = v.codecpar();
            VideoSpan span = countVideo(in);
            in.requireComplete(span.packets);
            AVRational fr = v.avg_frame_rate();
            double fps = fr.den() == 0 ? 0 : fr.num() / (double) fr.den();
            return new ProbeResult(container, duration, Av.codecName(vp.codec_id()), vp.width(), vp.height(),
                    fps, Av.rotationDegrees(vp), span.packets, span.seconds(v.time_base()), audio);
        }
    }

    private static VideoSpan countVideo(InputMedia in) {
        VideoSpan span = new VideoSpan();
        AVPacket pkt = avcodec.av_packet_alloc();
        try {
            long all = 0;
            while (in.read(pkt, all)) {
                all++;
                if (pkt.stream_index() == in.videoIndex()) {
                    span.add(pkt);
                }
                avcodec.av_packet_unref(pkt);
            }
        } finally {
            avcodec.av_packet_free(pkt);
        }
        return span;
    }

    /** Packet count plus first presentation time and end of the last frame, in stream ticks. */
    static final class VideoSpan {
        long packets;
        long firstPts = Long.MAX_VALUE;
        long endPts = Long.MIN_VALUE;

        void add(AVPacket pkt) {
            packets++;
            long pts = pkt.pts() != avutil.AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
            if (pts != avutil.AV_NOPTS_VALUE) {
                firstPts = Math.min(firstPts, pts);
                endPts = Math.max(endPts, pts + Math.max(0, pkt.duration()));
            }
        }

        double seconds(AVRational tb) {
            return packets == 0 || firstPts == Long.MAX_VALUE ? 0 : Av.seconds(endPts - firstPts, tb);
        }
    }
}
