package io.vidscore.media;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Small helpers around the raw FFmpeg API: error text, file URLs, codec names, rotation. */
final class Av {
    /** AVERROR(EAGAIN) on Linux/macOS: "feed more input" from the send/receive codec API. */
    static final int EAGAIN = -11;

    private Av() {
    }

    /** FFmpeg's own text for an error code, e.g. "Invalid data found when processing input". */
    static String err(int code) {
        byte[] buf = new byte[256];
        avutil.av_strerror(code, buf, buf.length);
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** Throws a MediaException "{@code what}: {@code err(code)}" when {@code code} is an error. */
    static int check(int code, String what) {
        if (code < 0) {
            throw new MediaException(what + ": " + err(code));
        }
        return code;
    }

    /**
     * A "file:" URL for FFmpeg's own file I/O. The explicit protocol stops FFmpeg from reading
     * "name:with:colons" as a protocol, and the bytes use the JVM's file-name encoding so that
     * names with spaces and non-ASCII letters reach open(2) exactly as Java wrote them.
     */
    static BytePointer fileUrl(Path path) {
        String enc = System.getProperty("sun.jnu.encoding");
        Charset cs;
        try {
            cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
        } catch (RuntimeException e) {
            cs = StandardCharsets.UTF_8;
        }
        byte[] name = ("file:" + path.toAbsolutePath()).getBytes(cs);
        BytePointer p = new BytePointer(name.length + 1L);
        p.put(name).put(name.length, (byte) 0);
        return p;
    }

    static String codecName(int codecId) {
        BytePointer n = avcodec.avcodec_get_name(codecId);
        return n == null || n.isNull() ? "unknown" : n.getString();
    }

    /**
     * The rotation a player applies, in degrees clockwise within [0, 360), from the display matrix
     * (0 when there is none). Same sense as the legacy "rotate" tag: a portrait phone clip says 90.
     */
    static int rotationDegrees(AVCodecParameters par) {
        AVPacketSideData sd = avcodec.av_packet_side_data_get(par.coded_side_data(), par.nb_coded_side_data(),
                avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 9 * 4) {
            return 0;
        }
        double counterClockwise = avutil.av_display_rotation_get(new IntPointer(sd.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long cw = Math.round(-counterClockwise);
        return (int) (((cw % 360) + 360) % 360);
    }

    static double seconds(long ts, org.bytedeco.ffmpeg.avutil.AVRational tb) {
        return ts * (double) tb.num() / tb.den();
    }
}
