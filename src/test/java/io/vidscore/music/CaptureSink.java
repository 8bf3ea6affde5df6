package io.vidscore.music;

import io.vidscore.audio.PcmSink;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Keeps everything written to it (tests only: a 20 s render is 7.7 MB), plus a SHA-256 of the samples. */
final class CaptureSink implements PcmSink {
    private float[] samples = new float[1 << 16];
    private int length;
    int largestBlock;
    boolean closed;
    private final MessageDigest digest;
    private final ByteBuffer bytes = ByteBuffer.allocate(8);

    CaptureSink() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(float[] interleaved, int frames) {
        largestBlock = Math.max(largestBlock, frames);
        int n = frames * CHANNELS;
        if (length + n > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + n));
        }
        System.arraycopy(interleaved, 0, samples, length, n);
        length += n;
        for (int i = 0; i < n; i++) {
            bytes.clear();
            bytes.putInt(Float.floatToRawIntBits(interleaved[i]));
            digest.update(bytes.array(), 0, 4);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    long frames() {
        return length / CHANNELS;
    }

    float[] samples() {
        return Arrays.copyOf(samples, length);
    }

    String sha256() {
        StringBuilder hex = new StringBuilder();
        for (byte b : digest.digest()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    /** RMS in dBFS of frames [fromS, toS), both channels. */
    double rmsDb(double fromS, double toS) {
        int from = (int) Math.round(fromS * SAMPLE_RATE) * CHANNELS;
        int to = Math.min(length, (int) Math.round(toS * SAMPLE_RATE) * CHANNELS);
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += samples[i] * samples[i];
        }
        return 10 * Math.log10(sum / Math.max(1, to - from) + 1e-30);
    }

    double peak() {
        double peak = 0;
        for (int i = 0; i < length; i++) {
            peak = Math.max(peak, Math.abs(samples[i]));
        }
        return peak;
    }
}
