package io.vidscore.media;

import io.vidscore.audio.PcmSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams 48 kHz stereo float PCM to a 16-bit WAV file. Blocks go straight to disk, so a long render
 * never sits in memory; the RIFF sizes are unknown until the end and are patched in {@link #close()}.
 */
public final class WavWriter implements PcmSink {
    static final int HEADER_BYTES = 44;
    private static final int BYTES_PER_FRAME = CHANNELS * 2;
    /** RIFF sizes are unsigned 32-bit; stop before they would wrap (about 6 hours of audio). */
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (HEADER_BYTES - 8);

    private final Path path;
    private final FileChannel channel;
    private final TpdfDither dither = new TpdfDither(0x5EEDD17EL);
    private ByteBuffer block = ByteBuffer.allocate(0);
    private long dataBytes;
    private boolean closed;

    public WavWriter(Path path) {
        this.path = path;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            // Placeholder header (sizes 0) so a crashed render still leaves a recognisable, if empty, WAV.
            writeFully(header(0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WAV " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(float[] interleaved, int frames) {
        if (closed) {
            throw new IllegalStateException("WAV writer already closed: " + path);
        }
        if (frames < 0 || (long) frames * CHANNELS > interleaved.length) {
            throw new IllegalArgumentException(frames + " frames do not fit a block of " + interleaved.length + " samples");
        }
        int bytes = frames * BYTES_PER_FRAME;
        if (dataBytes + bytes > MAX_DATA_BYTES) {
            throw new IllegalStateException("WAV " + path + " would exceed the 4 GiB RIFF limit");
        }
        if (block.capacity() < bytes) {
            block = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        block.clear();
        for (int i = 0; i < frames * CHANNELS; i++) {
            block.putShort(toPcm16(interleaved[i]));
        }
        block.flip();
        try {
            writeFully(block);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write WAV " + path + ": " + e.getMessage(), e);
        }
        dataBytes += bytes;
    }

    /** Frames written so far. */
    public long frames() {
        return dataBytes / BYTES_PER_FRAME;
    }

    /**
     * Scales to 16 bits with triangular dither (decorrelates the rounding error from quiet signals,
     * which would otherwise turn into audible distortion on fades) and clamps instead of wrapping.
     */
    private short toPcm16(float sample) {
        if (Float.isNaN(sample)) {
            return 0;
        }
        double scaled = sample * 32767.0 + dither.next();
        long rounded = Math.round(scaled);
        return (short) Math.max(-32768, Math.min(32767, rounded));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            try {
                channel.position(0);
                writeFully(header(dataBytes));
                channel.force(false);
            } finally {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish WAV " + path + ": " + e.getMessage(), e);
        }
    }

    private void writeFully(ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
    }

    static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii("RIFF")).putInt((int) (dataBytes + HEADER_BYTES - 8)).put(ascii("WAVE"));
        h.put(ascii("fmt ")).putInt(16)
                .putShort((short) 1) // PCM
                .putShort((short) CHANNELS)
                .putInt(SAMPLE_RATE)
                .putInt(SAMPLE_RATE * BYTES_PER_FRAME)
                .putShort((short) BYTES_PER_FRAME)
                .putShort((short) 16);
        h.put(ascii("data")).putInt((int) dataBytes);
        return h.flip();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Triangular (sum of two uniforms) noise of ±1 LSB peak; seeded so renders are reproducible. */
    static final class TpdfDither {
        private long state;

        TpdfDither(long seed) {
            state = seed == 0 ? 1 : seed;
        }

        double next() {
            return uniform() - uniform();
        }

        private double uniform() {
            // xorshift64*: cheap, and good enough for dither noise.
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            return ((state * 0x2545F4914F6CDD1DL) >>> 11) * 0x1.0p-53;
        }
    }
}
