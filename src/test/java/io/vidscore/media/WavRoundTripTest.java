package io.vidscore.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavRoundTripTest {
    /** Rounding (0.5 LSB) plus triangular dither (at most 1 LSB). */
    private static final double TOLERANCE = 1.5 / 32767;

    @TempDir
    Path dir;

    @Test
    void signalSurvivesWriteAndReadWithin16BitQuantisation() throws IOException {
        Path wav = dir.resolve("tone.wav");
        int frames = 48_000 + 123; // not a multiple of the block size
        try (WavWriter w = new WavWriter(wav)) {
            float[] block = new float[2 * 1000];
            for (int start = 0; start < frames; start += 1000) {
                int n = Math.min(1000, frames - start);
                for (int i = 0; i < n; i++) {
                    block[2 * i] = left(start + i);
                    block[2 * i + 1] = right(start + i);
                }
                w.write(block, n);
            }
        }

        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", tag(h, 0));
        assertEquals(Files.size(wav) - 8, Integer.toUnsignedLong(h.getInt(4)), "RIFF size");
        assertEquals("WAVE", tag(h, 8));
        assertEquals("fmt ", tag(h, 12));
        assertEquals(1, h.getShort(20), "PCM");
        assertEquals(2, h.getShort(22), "channels");
        assertEquals(48_000, h.getInt(24), "sample rate");
        assertEquals(48_000 * 4, h.getInt(28), "byte rate");
        assertEquals(4, h.getShort(32), "block align");
        assertEquals(16, h.getShort(34), "bits");
        assertEquals("data", tag(h, 36));
        assertEquals(frames * 4L, Integer.toUnsignedLong(h.getInt(40)), "data size");
        assertEquals(44 + frames * 4L, Files.size(wav));

        try (WavReader r = WavReader.open(wav)) {
            assertEquals(48_000, r.sampleRate());
            assertEquals(2, r.channels());
            assertEquals(frames, r.frames());
            float[] buf = new float[2 * 777];
            int pos = 0, n;
            double maxErr = 0;
            while ((n = r.read(buf, 777)) > 0) {
                for (int i = 0; i < n; i++, pos++) {
                    maxErr = Math.max(maxErr, Math.abs(buf[2 * i] - expected(left(pos))));
                    maxErr = Math.max(maxErr, Math.abs(buf[2 * i + 1] - expected(right(pos))));
                }
            }
            assertEquals(frames, pos, "frames read back");
            assertTrue(maxErr <= TOLERANCE, "max error " + maxErr + " exceeds 16-bit quantisation");
            assertEquals(-1, r.read(buf, 777), "end of data");
        }
    }

    @Test
    void outOfRangeSamplesAreClampedNotWrapped() throws IOException {
        Path wav = dir.resolve("loud.wav");
        try (WavWriter w = new WavWriter(wav)) {
            w.write(new float[] {1.7f, -3f, Float.NaN, 1f}, 2);
        }
        try (WavReader r = WavReader.open(wav)) {
            float[] s = new float[4];
            assertEquals(2, r.read(s, 2));
            assertTrue(s[0] > 0.999f, "positive overload clamps to full scale, got " + s[0]);
            assertTrue(s[1] <= -0.999f, "negative overload clamps to full scale, got " + s[1]);
            assertTrue(Math.abs(s[2]) < 1e-4, "NaN becomes silence");
            assertTrue(s[3] > 0.999f);
        }
    }

    @Test
    void silenceStaysNearSilentWithDither() throws IOException {
        Path wav = dir.resolve("quiet.wav");
        try (WavWriter w = new WavWriter(wav)) {
            w.write(new float[2 * 4800], 4800);
        }
        try (WavReader r = WavReader.open(wav)) {
            float[] s = new float[2 * 4800];
            assertEquals(4800, r.read(s, 4800));
            for (float v : s) {
                assertTrue(Math.abs(v) <= 1.0 / 32768 + 1e-9, "dither stays within one LSB");
            }
        }
    }

    @Test
    void readsOtherWavLayoutsToo() throws IOException {
        // 24-bit mono at 44.1 kHz, with an extra chunk before the data, as DAWs write.
        Path wav = dir.resolve("daw.wav");
        int[] values = {0, 4_194_304, -8_388_608, 8_388_607};
        ByteBuffer data = ByteBuffer.allocate(values.length * 3).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            data.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        Files.write(wav, TestWavs.wav(1, 1, 44_100, 24, data.array(), true));
        try (WavReader r = WavReader.open(wav)) {
            assertEquals(44_100, r.sampleRate());
            assertEquals(1, r.channels());
            assertEquals(4, r.frames());
            float[] s = new float[4];
            assertEquals(4, r.read(s, 4));
            assertEquals(0f, s[0], 1e-6);
            assertEquals(0.5f, s[1], 1e-6);
            assertEquals(-1f, s[2], 1e-6);
            assertEquals(1f, s[3], 1e-6);
        }
    }

    @Test
    void rejectsFilesThatAreNotUsableWavs() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "just some text, not audio", StandardCharsets.UTF_8);
        MediaException e = assertThrows(MediaException.class, () -> WavReader.open(text));
        assertTrue(e.getMessage().contains("not a WAV file") && e.getMessage().contains("notes.wav"), e.getMessage());

        Path adpcm = dir.resolve("adpcm.wav");
        Files.write(adpcm, TestWavs.wav(2, 2, 48_000, 4, new byte[64], false));
        e = assertThrows(MediaException.class, () -> WavReader.open(adpcm));
        assertTrue(e.getMessage().contains("unsupported WAV") && e.getMessage().contains("0x0002"), e.getMessage());

        Path missing = dir.resolve("missing.wav");
        e = assertThrows(MediaException.class, () -> WavReader.open(missing));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }

    private static float left(int i) {
        return (float) (0.8 * Math.sin(2 * Math.PI * 440 * i / 48_000.0));
    }

    private static float right(int i) {
        return (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0) - 0.25);
    }

    /** What the reader should return: the 16-bit code divided by 32768. */
    private static double expected(float x) {
        return x * 32767.0 / 32768.0;
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, StandardCharsets.US_ASCII);
    }
}
