package io.vidscore.media;

import io.vidscore.audio.MonoSource;
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
 * A scratch file of raw little-endian 32-bit floats: audio written once, block by block, and read back in order as
 * often as needed, so long audio never has to sit in memory. The caller owns the file and deletes it.
 */
public final class FloatFile {
    private static final int BLOCK = 8192;

    private FloatFile() {
    }

    /** Appends floats to the file (created or truncated). */
    public static final class Writer implements AutoCloseable {
        private final Path file;
        private final OutputStream out;
        private final ByteBuffer bytes = ByteBuffer.allocate(BLOCK * 4).order(ByteOrder.LITTLE_ENDIAN);
        private long written;

        public Writer(Path file) {
            this.file = file;
            try {
                this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + file, e);
            }
        }

        public void write(float[] samples, int off, int len) {
            try {
                for (int at = 0; at < len; at += BLOCK) {
                    int n = Math.min(BLOCK, len - at);
                    bytes.clear();
                    bytes.asFloatBuffer().put(samples, off + at, n);
                    out.write(bytes.array(), 0, n * 4);
                }
                written += len;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool audio to " + file, e);
            }
        }

        /** Floats written so far. */
        public long written() {
            return written;
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool audio to " + file, e);
            }
        }
    }

    /** Reads the floats back in order. */
    public static MonoSource read(Path file) {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spooled audio " + file, e);
        }
        return new MonoSource() {
            private final byte[] bytes = new byte[BLOCK * 4];

            @Override
            public int read(float[] into, int off, int len) {
                try {
                    int n = in.readNBytes(bytes, 0, Math.min(len, BLOCK) * 4) / 4;
                    ByteBuffer.wrap(bytes, 0, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(into, off, n);
                    return n;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spooled audio " + file, e);
                }
            }

            @Override
            public void close() {
                try {
                    in.close();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read spooled audio " + file, e);
                }
            }
        };
    }
}
