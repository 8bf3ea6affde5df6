package io.vidscore.media;

import io.vidscore.audio.MonoSource;
import io.vidscore.audio.PcmSink;
import java.nio.file.Path;

/**
 * Rendered audio spooled to a scratch file as raw 32-bit floats, so that mastering can read it as often
 * as it needs (measure, then gain and limit, perhaps once more) without holding it in memory and without
 * rendering it again. A minute of stereo is 23 MB on disk.
 */
public final class PcmSpool implements PcmSink {
    private static final int BLOCK = 4096;
    private final FloatFile.Writer out;

    public PcmSpool(Path file) {
        this.out = new FloatFile.Writer(file);
    }

    @Override
    public void write(float[] interleaved, int frames) {
        out.write(interleaved, 0, frames * CHANNELS);
    }

    @Override
    public void close() {
        out.close();
    }

    /** Plays the spooled audio into {@code sink} block by block; does not close the sink. */
    public static void replay(Path file, PcmSink sink) {
        float[] samples = new float[BLOCK * CHANNELS];
        try (MonoSource in = FloatFile.read(file)) {
            int filled = 0;
            int n;
            while ((n = in.read(samples, filled, samples.length - filled)) > 0) {
                filled += n;
                int frames = filled / CHANNELS;
                if (filled == samples.length) {
                    sink.write(samples, frames);
                    filled = 0;
                }
            }
            if (filled / CHANNELS > 0) {
                sink.write(samples, filled / CHANNELS);
            }
        }
    }
}
