package io.vidscore.media;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-built WAV files for formats WavWriter does not produce. */
final class TestWavs {
    private TestWavs() {
    }

    /** A RIFF/WAVE file with the given fmt fields and raw data; optionally a "LIST" chunk in between. */
    static byte[] wav(int formatTag, int channels, int rate, int bits, byte[] data, boolean extraChunk) {
        int blockAlign = Math.max(1, channels * bits / 8);
        byte[] list = extraChunk ? "INFOISFT\4\0\0\0abc\0".getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
        int size = 4 + 8 + 16 + (extraChunk ? 8 + list.length : 0) + 8 + data.length;
        ByteBuffer b = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(size).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(rate)
                .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
        if (extraChunk) {
            b.put(ascii("LIST")).putInt(list.length).put(list);
        }
        b.put(ascii("data")).putInt(data.length).put(data);
        return b.array();
    }

    /** 16-bit PCM mono/stereo sine WAV bytes at any rate (amplitude in [0, 1]). */
    static byte[] sine16(int channels, int rate, double seconds, double hz, double amplitude) {
        int frames = (int) Math.round(seconds * rate);
        ByteBuffer d = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            short v = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
            for (int c = 0; c < channels; c++) {
                d.putShort(v);
            }
        }
        return wav(1, channels, rate, 16, d.array(), false);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
