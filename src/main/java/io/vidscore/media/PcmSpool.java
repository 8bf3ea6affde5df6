package io.vidscore.media;

import io.vidscore.audio.PcmSink;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rendered audio spooled to a scratch file as raw 32-bit floats, so that mastering can read it as often
 * as it needs (measure, then gain and limit, perhaps once more) without holding it in memory and without
 * rendering it again. A minute of stereo is 23 MB on disk.
 */
public final class PcmSpool implements PcmSink {
    private static final int BLOCK = 4096;
    private final Path file;
    private final OutputStream out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BLOCK * CHANNELS * 4).order(ByteOrder.LITTLE_ENDIAN);

    public PcmSpool(Path file) {
        this.file = file;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    @Override
    public void write(float[] interleaved, int frames) {
        try {
            for (int off = 0; off < frames; off += BLOCK) {
                int n = Math.min(BLOCK, frames - off);
                buffer.clear();
                buffer.asFloatBuffer().put(interleaved, off * CHANNELS, n * CHANNELS);
                out.write(buffer.array(), 0, n * CHANNELS * 4);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool audio to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool audio to " + file, e);
        }
    }

    /** Plays the spooled audio into {@code sink} block by block; does not close the sink. */
    public static void replay(Path file, PcmSink sink) {
        byte[] bytes = new byte[BLOCK * CHANNELS * 4];
        float[] samples = new float[BLOCK * CHANNELS];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int n;
            while ((n = in.readNBytes(bytes, 0, bytes.length)) > 0) {
                int frames = n / (CHANNELS * 4);
                ByteBuffer.wrap(bytes, 0, frames * CHANNELS * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples, 0, frames * CHANNELS);
                sink.write(samples, frames);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled audio " + file, e);
        }
    }
}
