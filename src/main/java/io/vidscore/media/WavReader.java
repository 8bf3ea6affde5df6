package io.vidscore.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams samples out of a WAV file as interleaved floats in [-1, 1], block by block.
 * Reads integer PCM (8/16/24/32 bit) and IEEE float (32/64 bit), plain or WAVE_FORMAT_EXTENSIBLE.
 */
public final class WavReader implements AutoCloseable {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private final Path path;
    private final FileChannel channel;
    private final int sampleRate;
    private final int channels;
    private final int bitsPerSample;
    private final boolean floating;
    private final int blockAlign;
    private final long frames;
    private long framesRead;
    private ByteBuffer block = ByteBuffer.allocate(0);

    private WavReader(Path path, FileChannel channel, WavHeader h) {
        this.path = path;
        this.channel = channel;
        this.sampleRate = h.sampleRate;
        this.channels = h.channels;
        this.bitsPerSample = h.bits;
        this.floating = h.floating;
        this.blockAlign = h.blockAlign;
        this.frames = h.dataBytes / h.blockAlign;
    }

    /** Opens {@code path} and parses its header; the sample data is read later by {@link #read}. */
    public static WavReader open(Path path) {
        FileChannel ch;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new MediaException("WAV file not found: " + path);
        } catch (IOException e) {
            throw new MediaException("cannot open WAV " + path + ": " + e.getMessage(), e);
        }
        try {
            WavHeader h = WavHeader.parse(ch, path);
            ch.position(h.dataOffset);
            return new WavReader(path, ch, h);
        } catch (IOException | RuntimeException e) {
            try {
                ch.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof MediaException me) {
                throw me;
            }
            throw new MediaException("cannot read WAV " + path + ": " + e.getMessage(), e);
        }
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Total frames (samples per channel) in the data chunk. */
    public long frames() {
        return frames;
    }

    public int bitsPerSample() {
        return bitsPerSample;
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code interleaved[0 .. channels*n)}.
     * Returns the number of frames read, or -1 at the end of the data.
     */
    public int read(float[] interleaved, int maxFrames) {
        if ((long) maxFrames * channels > interleaved.length) {
            throw new IllegalArgumentException(maxFrames + " frames do not fit a buffer of " + interleaved.length);
        }
        long left = frames - framesRead;
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(maxFrames, left);
        int bytes = n * blockAlign;
        if (block.capacity() < bytes) {
            block = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        }
        block.clear().limit(bytes);
        try {
            while (block.hasRemaining()) {
                if (channel.read(block) < 0) {
                    break; // file shorter than its header claims: deliver what is there
                }
            }
        } catch (IOException e) {
            throw new MediaException("cannot read WAV " + path + ": " + e.getMessage(), e);
        }
        block.flip();
        n = block.remaining() / blockAlign;
        if (n == 0) {
            framesRead = frames;
            return -1;
        }
        decode(block, interleaved, n * channels);
        framesRead += n;
        return n;
    }

    private void decode(ByteBuffer b, float[] out, int samples) {
        int bytesPerSample = bitsPerSample / 8;
        int padding = blockAlign / channels - bytesPerSample; // non-zero only for odd containers
        for (int i = 0; i < samples; i++) {
            out[i] = sample(b);
            if (padding > 0) {
                b.position(b.position() + padding);
            }
        }
    }

    private float sample(ByteBuffer b) {
        if (floating) {
            return bitsPerSample == 32 ? b.getFloat() : (float) b.getDouble();
        }
        switch (bitsPerSample) {
            case 8:
                return ((b.get() & 0xFF) - 128) / 128f; // 8-bit WAV is unsigned
            case 16:
                return b.getShort() / 32768f;
            case 24: {
                int lo = b.get() & 0xFF;
                int mid = b.get() & 0xFF;
                int hi = b.get(); // sign-extends
                return ((hi << 16) | (mid << 8) | lo) / 8388608f;
            }
            default:
                return (float) (b.getInt() / 2147483648.0);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new MediaException("cannot close WAV " + path + ": " + e.getMessage(), e);
        }
    }

    /** The fields of the "fmt " chunk plus where the "data" chunk lies. */
    private static final class WavHeader {
        int sampleRate;
        int channels;
        int bits;
        int blockAlign;
        boolean floating;
        long dataOffset;
        long dataBytes;

        static WavHeader parse(FileChannel ch, Path path) throws IOException {
            String name = String.valueOf(path.getFileName());
            long size = ch.size();
            ByteBuffer riff = readAt(ch, 0, 12);
            if (riff.remaining() < 12 || !tag(riff, 0).equals("RIFF") || !tag(riff, 8).equals("WAVE")) {
                throw new MediaException("not a WAV file: " + name + " has no RIFF/WAVE header");
            }
            WavHeader h = new WavHeader();
            boolean haveFmt = false;
            long pos = 12;
            while (pos + 8 <= size) {
                ByteBuffer chunk = readAt(ch, pos, 8);
                String id = tag(chunk, 0);
                long len = Integer.toUnsignedLong(chunk.getInt(4));
                long body = pos + 8;
                if (id.equals("fmt ")) {
                    h.readFormat(readAt(ch, body, (int) Math.min(len, 40)), name);
                    haveFmt = true;
                } else if (id.equals("data")) {
                    if (!haveFmt) {
                        throw new MediaException("unsupported WAV: " + name + " has its data before its format chunk");
                    }
                    h.dataOffset = body;
                    // Streaming writers leave 0 or 0xFFFFFFFF here; trust the file length instead.
                    long available = size - body;
                    h.dataBytes = (len == 0 || len > available) ? available : len;
                    return h;
                }
                pos = body + len + (len & 1); // chunks are word aligned
            }
            throw new MediaException("not a WAV file: " + name + (haveFmt ? " has no data chunk" : " has no format chunk"));
        }

        private void readFormat(ByteBuffer f, String name) {
            if (f.remaining() < 16) {
                throw new MediaException("not a WAV file: " + name + " has a truncated format chunk");
            }
            int tag = f.getShort(0) & 0xFFFF;
            channels = f.getShort(2) & 0xFFFF;
            sampleRate = f.getInt(4);
            blockAlign = f.getShort(12) & 0xFFFF;
            bits = f.getShort(14) & 0xFFFF;
            if (tag == FORMAT_EXTENSIBLE && f.remaining() >= 26) {
                tag = f.getShort(24) & 0xFFFF; // first two bytes of the sub-format GUID
            }
            if (tag == FORMAT_FLOAT) {
                floating = true;
                if (bits != 32 && bits != 64) {
                    throw new MediaException("unsupported WAV: " + name + " uses " + bits + "-bit float samples (only 32 and 64)");
                }
            } else if (tag == FORMAT_PCM) {
                if (bits != 8 && bits != 16 && bits != 24 && bits != 32) {
                    throw new MediaException("unsupported WAV: " + name + " uses " + bits + "-bit samples (only 8, 16, 24, 32)");
                }
            } else {
                throw new MediaException(String.format(
                        "unsupported WAV: %s is encoded with format 0x%04X (only PCM and IEEE float)", name, tag));
            }
            if (channels < 1 || sampleRate < 1 || blockAlign < channels * bits / 8) {
                throw new MediaException("unsupported WAV: " + name + " has an invalid format chunk ("
                        + channels + " channels, " + sampleRate + " Hz, block " + blockAlign + ")");
            }
        }

        private static ByteBuffer readAt(FileChannel ch, long pos, int len) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b, pos + b.position()) > 0) {
                // keep reading until full or end of file
            }
            return b.flip();
        }

        private static String tag(ByteBuffer b, int at) {
            if (b.limit() < at + 4) {
                return "";
            }
            byte[] t = new byte[4];
            b.get(at, t);
            return new String(t, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
