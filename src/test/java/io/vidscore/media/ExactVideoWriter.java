package io.vidscore.media;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Writes the awkward videos real users upload, which JavaCV's recorder cannot make (it rounds sizes to
 * even numbers and stamps frames on a fixed grid): exact odd sizes, frames at arbitrary times (variable
 * frame rate), interlaced streams, 10-bit pixel formats. Raw FFmpeg API; the pictures come from
 * {@link SceneRenderer}, so flashes fall at known times.
 */
public final class ExactVideoWriter {
    private String format = "mp4";
    private String encoder = "mpeg4";
    private int pixFmt = avutil.AV_PIX_FMT_YUV420P;
    private int width = 320;
    private int height = 240;
    private double nominalFps = 30;
    private int timeBase = 1000;
    private boolean interlaced;
    private double[] frameTimes;
    private double[] flashes = new double[0];
    private double[] cuts = new double[0];
    private final java.util.Map<String, String> options = new java.util.LinkedHashMap<>();

    public ExactVideoWriter format(String f) {
        this.format = f;
        return this;
    }

    public ExactVideoWriter encoder(String name, int pixelFormat) {
        this.encoder = name;
        this.pixFmt = pixelFormat;
        return this;
    }

    public ExactVideoWriter option(String key, String value) {
        options.put(key, value);
        return this;
    }

    public ExactVideoWriter size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /** Constant rate: frames at i/fps for the duration. */
    public ExactVideoWriter constantRate(double fps, double seconds) {
        this.nominalFps = fps;
        this.timeBase = (int) Math.round(fps); // one tick per frame: what MPEG-2 and friends insist on
        int n = (int) Math.round(fps * seconds);
        frameTimes = new double[n];
        for (int i = 0; i < n; i++) {
            frameTimes[i] = i / fps;
        }
        return this;
    }

    /** Frames exactly at these times (seconds, increasing), stamped with a 1/timeBase clock. */
    public ExactVideoWriter frameTimes(double nominal, int clock, double... times) {
        this.nominalFps = nominal;
        this.timeBase = clock;
        this.frameTimes = times;
        return this;
    }

    public ExactVideoWriter interlaced() {
        this.interlaced = true;
        return this;
    }

    public ExactVideoWriter flashes(double... t) {
        this.flashes = t;
        return this;
    }

    public ExactVideoWriter cuts(double... t) {
        this.cuts = t;
        return this;
    }

    public Path write(Path out) {
        AVFormatContext oc = new AVFormatContext(null);
        try (BytePointer url = Av.fileUrl(out); BytePointer fmt = new BytePointer(format)) {
            Av.check(avformat.avformat_alloc_output_context2(oc, null, fmt, url), "muxer " + format);
        }
        AVCodec codec = avcodec.avcodec_find_encoder_by_name(encoder);
        if (codec == null || codec.isNull()) {
            throw new MediaException("no encoder " + encoder);
        }
        AVCodecContext c = avcodec.avcodec_alloc_context3(codec);
        AVFrame frame = avutil.av_frame_alloc();
        AVPacket pkt = avcodec.av_packet_alloc();
        SwsContext sws = null;
        AVFrame src = null;
        AVIOContext pb = new AVIOContext(null);
        try {
            c.width(width);
            c.height(height);
            c.pix_fmt(pixFmt);
            c.time_base(avutil.av_make_q(1, timeBase));
            c.framerate(avutil.av_d2q(nominalFps, 100_000));
            c.bit_rate(1_500_000);
            c.gop_size((int) Math.round(nominalFps));
            c.max_b_frames(0);
            if (interlaced) {
                c.flags(c.flags() | avcodec.AV_CODEC_FLAG_INTERLACED_DCT | avcodec.AV_CODEC_FLAG_INTERLACED_ME);
                c.field_order(avcodec.AV_FIELD_TT);
            }
            if ((oc.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0) {
                c.flags(c.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            AVDictionary opts = new AVDictionary(null);
            options.forEach((k, v) -> avutil.av_dict_set(opts, k, v, 0));
            Av.check(avcodec.avcodec_open2(c, codec, opts), "open " + encoder);
            avutil.av_dict_free(opts);
            AVStream st = avformat.avformat_new_stream(oc, null);
            Av.check(avcodec.avcodec_parameters_from_context(st.codecpar(), c), "stream parameters");
            st.time_base(c.time_base());
            try (BytePointer url = Av.fileUrl(out)) {
                Av.check(avformat.avio_open(pb, url, avformat.AVIO_FLAG_WRITE), "create " + out);
            }
            oc.pb(pb);
            Av.check(avformat.avformat_write_header(oc, (AVDictionary) null), "header");

            frame.format(pixFmt);
            frame.width(width);
            frame.height(height);
            Av.check(avutil.av_frame_get_buffer(frame, 0), "frame buffer");
            sws = swscale.sws_getContext(width, height, avutil.AV_PIX_FMT_BGR24, width, height, pixFmt,
                    swscale.SWS_BICUBIC, null, null, (DoublePointer) null);
            SceneRenderer renderer = new SceneRenderer(width, height, 5, flashes, new double[0], cuts);
            int stride = width * 3;
            byte[] bgr = new byte[stride * height];
            // The source as an FFmpeg frame too: padded and aligned the way swscale's SIMD code reads it.
            src = avutil.av_frame_alloc();
            src.format(avutil.AV_PIX_FMT_BGR24);
            src.width(width);
            src.height(height);
            Av.check(avutil.av_frame_get_buffer(src, 0), "source buffer");
            for (int i = 0; i < frameTimes.length; i++) {
                double t = frameTimes[i];
                renderer.paint(t, bgr, stride);
                BytePointer plane = src.data(0);
                for (int y = 0; y < height; y++) {
                    plane.position((long) y * src.linesize(0)).put(bgr, y * stride, stride);
                }
                plane.position(0);
                Av.check(avutil.av_frame_make_writable(frame), "writable frame");
                swscale.sws_scale(sws, src.data(), src.linesize(), 0, height, frame.data(), frame.linesize());
                frame.pts(Math.round(t * timeBase));
                double next = i + 1 < frameTimes.length ? frameTimes[i + 1] : t + 1 / nominalFps;
                frame.duration(Math.round(next * timeBase) - frame.pts()); // so the container knows when the last frame ends
                if (interlaced) {
                    frame.flags(frame.flags() | (1 << 3) | (1 << 4)); // AV_FRAME_FLAG_INTERLACED | AV_FRAME_FLAG_TOP_FIELD_FIRST (macros, not bound)
                }
                encode(c, frame, pkt, oc, st);
            }
            encode(c, null, pkt, oc, st);
            Av.check(avformat.av_write_trailer(oc), "trailer");
            return out;
        } finally {
            if (src != null) {
                avutil.av_frame_free(src);
            }
            if (sws != null) {
                swscale.sws_freeContext(sws);
            }
            if (!pb.isNull()) {
                avformat.avio_closep(pb);
            }
            avcodec.av_packet_free(pkt);
            avutil.av_frame_free(frame);
            avcodec.avcodec_free_context(c);
            avformat.avformat_free_context(oc);
        }
    }

    private void encode(AVCodecContext c, AVFrame frame, AVPacket pkt, AVFormatContext oc, AVStream st) {
        Av.check(avcodec.avcodec_send_frame(c, frame), "encode");
        while (true) {
            int r = avcodec.avcodec_receive_packet(c, pkt);
            if (r == Av.EAGAIN || r == avutil.AVERROR_EOF()) {
                return;
            }
            Av.check(r, "encode");
            if (pkt.duration() <= 0) {
                // Without a duration the MP4 muxer gives the last frame none, and demuxers then drop it.
                pkt.duration(Math.max(1, Math.round(timeBase / nominalFps)));
            }
            avcodec.av_packet_rescale_ts(pkt, c.time_base(), st.time_base());
            pkt.stream_index(st.index());
            Av.check(avformat.av_interleaved_write_frame(oc, pkt), "write");
        }
    }
}
