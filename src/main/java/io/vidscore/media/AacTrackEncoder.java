package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Encodes a {@link StereoPcmSource} to an AAC track of an output file with FFmpeg's native "aac"
 * encoder (48 kHz stereo, 192 kb/s), on demand: the muxer asks for audio up to the time of each
 * video packet, so both tracks advance together and nothing piles up in memory. The track is cut
 * or padded with silence to exactly the length the muxer asks for in {@link #finish(long)}.
 */
final class AacTrackEncoder implements AutoCloseable {
    static final int BIT_RATE = 192_000;

    private final AVFormatContext oc;
    private final StereoPcmSource source;
    private final long startPts;
    private final AVCodecContext enc;
    private final AVStream stream;
    private final AVFrame frame;
    private final AVPacket pkt;
    private final int frameSize;
    private final float[] left;
    private final float[] right;
    private final AVRational encTimeBase = avutil.av_make_q(1, StereoPcmSource.RATE);
    private long samplesSent;
    private long silencePadded;
    private boolean sourceEnded;

    /**
     * Adds the AAC stream to {@code oc} (call before the header is written).
     *
     * @param startPts where the track starts, in 1/48000 s on the output timeline (the video's start)
     */
    AacTrackEncoder(AVFormatContext oc, StereoPcmSource source, long startPts) {
        this.oc = oc;
        this.source = source;
        this.startPts = startPts;
        AVCodec codec = avcodec.avcodec_find_encoder_by_name("aac");
        if (codec == null || codec.isNull()) {
            throw new MediaException("this FFmpeg build has no AAC encoder");
        }
        enc = avcodec.avcodec_alloc_context3(codec);
        frame = avutil.av_frame_alloc();
        pkt = avcodec.av_packet_alloc();
        try {
            enc.sample_fmt(avutil.AV_SAMPLE_FMT_FLTP);
            enc.sample_rate(StereoPcmSource.RATE);
            avutil.av_channel_layout_default(enc.ch_layout(), 2);
            enc.bit_rate(BIT_RATE);
            enc.time_base(encTimeBase);
            if ((oc.oformat().flags() & avformat.AVFMT_GLOBALHEADER) != 0) {
                // MP4 keeps the AudioSpecificConfig in the stream header, not in each packet.
                enc.flags(enc.flags() | avcodec.AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            // The "fast" coder is ~3x faster than the default two-loop search and transparent at 192 kb/s.
            AVDictionary options = new AVDictionary(null);
            avutil.av_dict_set(options, "aac_coder", "fast", 0);
            try {
                Av.check(avcodec.avcodec_open2(enc, codec, options), "cannot open the AAC encoder");
            } finally {
                avutil.av_dict_free(options);
            }
            stream = avformat.avformat_new_stream(oc, null);
            Av.check(avcodec.avcodec_parameters_from_context(stream.codecpar(), enc), "cannot set up the AAC track");
            stream.time_base(encTimeBase);
            frameSize = enc.frame_size() > 0 ? enc.frame_size() : 1024;
            frame.format(avutil.AV_SAMPLE_FMT_FLTP);
            frame.sample_rate(StereoPcmSource.RATE);
            Av.check(avutil.av_channel_layout_copy(frame.ch_layout(), enc.ch_layout()), "cannot set up audio frames");
            frame.nb_samples(frameSize);
            Av.check(avutil.av_frame_get_buffer(frame, 0), "cannot allocate audio frames");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        left = new float[frameSize];
        right = new float[frameSize];
    }

    AVStream stream() {
        return stream;
    }

    /** Encodes whole frames while they end at or before {@code samples} (relative to the start). */
    void encodeUntil(long samples) {
        while (samplesSent + frameSize <= samples) {
            encodeFrame(frameSize);
        }
    }

    /** Encodes up to exactly {@code totalSamples}, then drains the encoder. */
    void finish(long totalSamples) {
        encodeUntil(totalSamples);
        long rest = totalSamples - samplesSent;
        if (rest > 0) {
            encodeFrame((int) rest); // a short last frame is allowed
        }
        send(null);
    }

    /** Seconds of silence appended because the music ran out before the video. */
    double paddedSeconds() {
        return silencePadded / (double) StereoPcmSource.RATE;
    }

    /** Whether the music had more to give when the track was cut at the video's end. */
    boolean musicLeftOver() {
        if (sourceEnded) {
            return false;
        }
        int n = source.read(left, right, 0, 1);
        return n > 0;
    }

    private void encodeFrame(int n) {
        int filled = 0;
        while (filled < n && !sourceEnded) {
            int got = source.read(left, right, filled, n - filled);
            if (got < 0) {
                sourceEnded = true;
            } else {
                filled += got;
            }
        }
        if (filled < n) {
            java.util.Arrays.fill(left, filled, n, 0f);
            java.util.Arrays.fill(right, filled, n, 0f);
            silencePadded += n - filled;
        }
        // The encoder may still hold a reference to the previous buffer.
        Av.check(avutil.av_frame_make_writable(frame), "cannot prepare an audio frame");
        frame.nb_samples(n);
        new FloatPointer(frame.data(0)).put(left, 0, n);
        new FloatPointer(frame.data(1)).put(right, 0, n);
        frame.pts(startPts + samplesSent);
        samplesSent += n;
        send(frame);
    }

    private void send(AVFrame f) {
        Av.check(avcodec.avcodec_send_frame(enc, f), "AAC encoding failed");
        while (true) {
            int r = avcodec.avcodec_receive_packet(enc, pkt);
            if (r == Av.EAGAIN || r == avutil.AVERROR_EOF()) {
                return;
            }
            Av.check(r, "AAC encoding failed");
            pkt.stream_index(stream.index());
            avcodec.av_packet_rescale_ts(pkt, encTimeBase, stream.time_base());
            Av.check(avformat.av_interleaved_write_frame(oc, pkt), "cannot write the music track");
        }
    }

    @Override
    public void close() {
        avcodec.av_packet_free(pkt);
        avutil.av_frame_free(frame);
        avcodec.avcodec_free_context(enc);
    }
}
