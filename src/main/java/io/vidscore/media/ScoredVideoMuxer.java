package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Puts the generated music under the original video: the video stream is copied packet by packet
 * (never re-encoded, so no quality loss and no encoder needed), the music WAV is encoded to AAC,
 * and optionally the original audio is kept as a second, non-default track.
 *
 * <p>Works with the raw FFmpeg API because JavaCV's recorder cannot mix stream copy with encoding.
 * The output is written to a temporary file beside {@code outMp4} and renamed into place only when
 * complete, so a failure never leaves a half-written MP4 under the requested name.
 */
public final class ScoredVideoMuxer {
    private static final AVRational AUDIO_TB = avutil.av_make_q(1, StereoPcmSource.RATE);

    private final InputMedia in;
    private final AVFormatContext oc;
    private final List<String> notes = new ArrayList<>();
    private AVStream videoOut;
    private AVStream originalAudioOut;

    private ScoredVideoMuxer(InputMedia in, AVFormatContext oc) {
        this.in = in;
        this.oc = oc;
    }

    /**
     * Writes {@code outMp4}: original video stream copied, plus the music as AAC 48 kHz stereo
     * (trimmed or padded with silence to the video's duration), plus, if {@code keepOriginalAudio}
     * and the original has audio that MP4 can hold, the original audio as a second track.
     *
     * @throws MediaException when the video or WAV cannot be read or the output cannot be written;
     *                        {@code outMp4} is then left untouched
     */
    public static MuxResult mux(Path originalVideo, Path musicWav, Path outMp4, boolean keepOriginalAudio) {
        try (InputMedia in = InputMedia.open(originalVideo)) {
            in.requireVideo();
            try (WavReader wav = WavReader.open(musicWav); StereoPcmSource music = new StereoPcmSource(wav)) {
                Path tmp = SyntheticVideo.tempBeside(outMp4);
                try {
                    MuxResult result = writeTo(tmp, in, music, keepOriginalAudio, wav);
                    Files.move(tmp, outMp4, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return result;
                } catch (IOException e) {
                    throw new MediaException("cannot write " + outMp4 + ": " + e.getMessage(), e);
                } finally {
                    SyntheticVideo.deleteQuietly(tmp);
                }
            }
        }
    }

    private static MuxResult writeTo(Path tmp, InputMedia in, StereoPcmSource music, boolean keepOriginalAudio,
                                     WavReader wav) {
        AVFormatContext oc = new AVFormatContext(null);
        try (BytePointer url = Av.fileUrl(tmp); BytePointer mp4 = new BytePointer("mp4")) {
            Av.check(avformat.avformat_alloc_output_context2(oc, null, mp4, url), "cannot create an MP4 muxer");
        }
        AVIOContext pb = new AVIOContext(null);
        try {
            try (BytePointer url = Av.fileUrl(tmp)) {
                Av.check(avformat.avio_open(pb, url, avformat.AVIO_FLAG_WRITE), "cannot create " + tmp);
            }
            oc.pb(pb);
            return new ScoredVideoMuxer(in, oc).run(music, keepOriginalAudio, wav);
        } finally {
            if (!pb.isNull()) {
                avformat.avio_closep(pb);
            }
            avformat.avformat_free_context(oc);
        }
    }

    private MuxResult run(StereoPcmSource music, boolean keepOriginalAudio, WavReader wav) {
        AVStream vIn = in.requireVideo();
        AVRational vtb = vIn.time_base();
        long vStart = vIn.start_time() == avutil.AV_NOPTS_VALUE ? 0 : vIn.start_time();

        videoOut = copyStream(vIn, "video");
        try (AacTrackEncoder aac = new AacTrackEncoder(oc, music,
                avutil.av_rescale_q(vStart, vtb, AUDIO_TB))) {
            markMusic(aac.stream());
            int origIndex = keepOriginalAudio ? addOriginalAudio() : -1;
            writeHeader();

            AVRational vtbOut = videoOut.time_base();
            long frameTicks = frameTicks(vIn);
            AVPacket pkt = avcodec.av_packet_alloc();
            long videoPackets = 0, read = 0;
            long vEnd = vStart;
            long origCut = originalAudioCut(vIn, origIndex);
            try {
                while (in.read(pkt, read)) {
                    read++;
                    int si = pkt.stream_index();
                    if (si == in.videoIndex()) {
                        long pts = pkt.pts() != avutil.AV_NOPTS_VALUE ? pkt.pts() : pkt.dts();
                        long dts = pkt.dts() != avutil.AV_NOPTS_VALUE ? pkt.dts() : pts;
                        if (pts != avutil.AV_NOPTS_VALUE) {
                            vEnd = Math.max(vEnd, pts + (pkt.duration() > 0 ? pkt.duration() : frameTicks));
                        }
                        if (dts != avutil.AV_NOPTS_VALUE) {
                            // Bring the music up to this point of the video first: keeps the file interleaved.
                            aac.encodeUntil(avutil.av_rescale_q(dts - vStart, vtb, AUDIO_TB));
                        }
                        writeCopied(pkt, vtb, vtbOut, videoOut);
                        videoPackets++;
                    } else if (si == origIndex && (pkt.pts() == avutil.AV_NOPTS_VALUE || pkt.pts() < origCut)) {
                        AVStream aIn = in.stream(origIndex);
                        writeCopied(pkt, aIn.time_base(), originalAudioOut.time_base(), originalAudioOut);
                    }
                    avcodec.av_packet_unref(pkt);
                }
                in.requireComplete(videoPackets);
                long totalSamples = avutil.av_rescale_q(vEnd - vStart, vtb, AUDIO_TB);
                aac.finish(totalSamples);
                noteMusicFit(aac, wav, music, Av.seconds(vEnd - vStart, vtb));
                Av.check(avformat.av_write_trailer(oc), "cannot finish the MP4");
            } finally {
                avcodec.av_packet_free(pkt);
            }
            String codec = Av.codecName(vIn.codecpar().codec_id());
            return new MuxResult(codec, videoPackets, originalAudioOut == null ? 1 : 2,
                    Av.seconds(vEnd - vStart, vtb), notes);
        }
    }

    /** New output stream with the input's codec parameters (incl. display matrix side data). */
    private AVStream copyStream(AVStream src, String what) {
        int codecId = src.codecpar().codec_id();
        if (avformat.avformat_query_codec(oc.oformat(), codecId, avcodec.FF_COMPLIANCE_NORMAL) != 1) {
            throw new MediaException("cannot keep the " + what + " as is: " + Av.codecName(codecId)
                    + " cannot be stored in MP4");
        }
        AVStream out = avformat.avformat_new_stream(oc, null);
        // Copies coded_side_data too, so rotation (display matrix) survives the remux.
        Av.check(avcodec.avcodec_parameters_copy(out.codecpar(), src.codecpar()), "cannot copy the " + what + " stream");
        // The source container's tag (e.g. from AVI/MKV) may not be valid in MP4: let the muxer pick.
        out.codecpar().codec_tag(0);
        out.time_base(src.time_base());
        out.avg_frame_rate(src.avg_frame_rate());
        out.disposition(src.disposition());
        AVDictionary meta = new AVDictionary(null);
        avutil.av_dict_copy(meta, src.metadata(), 0);
        out.metadata(meta);
        return out;
    }

    private void markMusic(AVStream music) {
        music.disposition(avformat.AV_DISPOSITION_DEFAULT);
        AVDictionary meta = new AVDictionary(null);
        avutil.av_dict_set(meta, "handler_name", "Soundtrack", 0);
        music.metadata(meta);
    }

    /** Adds the original audio as a non-default second track; returns its input index or -1. */
    private int addOriginalAudio() {
        int idx = in.audioIndex();
        if (idx < 0) {
            notes.add("original audio requested but the video has none");
            return -1;
        }
        AVStream src = in.stream(idx);
        String codec = Av.codecName(src.codecpar().codec_id());
        try {
            originalAudioOut = copyStream(src, "original audio");
        } catch (MediaException e) {
            notes.add("original audio not kept: " + codec + " cannot be stored in MP4");
            return -1;
        }
        originalAudioOut.disposition(0);
        notes.add("original audio kept as track 2 (" + codec + ")");
        return idx;
    }

    private void writeHeader() {
        AVDictionary opts = new AVDictionary(null);
        try {
            // Index at the front so players and browsers can start before the whole file arrives.
            avutil.av_dict_set(opts, "movflags", "+faststart", 0);
            Av.check(avformat.avformat_write_header(oc, opts), "cannot write the MP4 header");
        } finally {
            avutil.av_dict_free(opts);
        }
    }

    private void writeCopied(AVPacket pkt, AVRational from, AVRational to, AVStream out) {
        avcodec.av_packet_rescale_ts(pkt, from, to);
        pkt.stream_index(out.index());
        pkt.pos(-1);
        Av.check(avformat.av_interleaved_write_frame(oc, pkt), "cannot write the MP4");
    }

    /** One frame in stream ticks, for packets that come without a duration. */
    private static long frameTicks(AVStream v) {
        AVRational fr = v.avg_frame_rate().num() > 0 ? v.avg_frame_rate() : v.r_frame_rate();
        if (fr.num() <= 0 || fr.den() <= 0) {
            return 0;
        }
        return avutil.av_rescale_q(1, avutil.av_inv_q(fr), v.time_base());
    }

    /** Original-audio packets from this pts on lie past the end of the video and are dropped. */
    private long originalAudioCut(AVStream vIn, int origIndex) {
        if (origIndex < 0 || vIn.duration() == avutil.AV_NOPTS_VALUE || vIn.duration() <= 0) {
            return Long.MAX_VALUE;
        }
        long start = vIn.start_time() == avutil.AV_NOPTS_VALUE ? 0 : vIn.start_time();
        return avutil.av_rescale_q(start + vIn.duration(), vIn.time_base(), in.stream(origIndex).time_base());
    }

    private void noteMusicFit(AacTrackEncoder aac, WavReader wav, StereoPcmSource music, double videoSeconds) {
        if (music.converts()) {
            notes.add(String.format(Locale.ROOT, "music converted from %d Hz, %d channel(s) to 48000 Hz stereo",
                    wav.sampleRate(), wav.channels()));
        }
        if (aac.paddedSeconds() > 0.0005) {
            notes.add(String.format(Locale.ROOT, "music shorter than the video: %.3f s of silence added at the end",
                    aac.paddedSeconds()));
        } else if (aac.musicLeftOver()) {
            double musicSeconds = wav.frames() / (double) wav.sampleRate();
            notes.add(String.format(Locale.ROOT, "music longer than the video: cut at %.3f s of %.3f s",
                    videoSeconds, musicSeconds));
        }
    }
}
