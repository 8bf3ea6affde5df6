package io.vidscore.audio;

import java.util.Arrays;

/** Test sink that keeps everything written to it (short test signals only). */
final class Capture implements PcmSink {
    private float[] samples = new float[1 << 16];
    private int frames;
    boolean closed;

    @Override
    public void write(float[] interleaved, int n) {
        if (closed) {
            throw new IllegalStateException("write after close");
        }
        if (2 * (frames + n) > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, 2 * (frames + n)));
        }
        System.arraycopy(interleaved, 0, samples, 2 * frames, 2 * n);
        frames += n;
    }

    @Override
    public void close() {
        closed = true;
    }

    int frames() {
        return frames;
    }

    float[] samples() {
        return Arrays.copyOf(samples, 2 * frames);
    }

    /** Feeds {@code signal} (interleaved stereo) to {@code sink} in blocks of {@code block} frames, then closes it. */
    static void feed(float[] signal, int block, PcmSink sink) {
        int total = signal.length / 2;
        float[] buf = new float[2 * block];
        for (int at = 0; at < total; at += block) {
            int n = Math.min(block, total - at);
            System.arraycopy(signal, 2 * at, buf, 0, 2 * n);
            sink.write(buf, n);
        }
        sink.close();
    }

    static LoudnessMeter measure(float[] signal) {
        LoudnessMeter m = new LoudnessMeter();
        feed(signal, 4096, m);
        return m;
    }
}
