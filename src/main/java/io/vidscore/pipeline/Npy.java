package io.vidscore.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy .npy (format 1.0) for the intermediate tensors between stages: trivial to write here and
 * loadable by {@code numpy.load} for anyone inspecting a job. Only C-order uint8 and little-endian
 * float32 are needed.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    /** A tensor read back: shape plus exactly one of the two data arrays. */
    public record Tensor(int[] shape, byte[] u8, float[] f32) {
        public int rows() {
            return shape[0];
        }

        public int rowLength() {
            int n = 1;
            for (int i = 1; i < shape.length; i++) {
                n *= shape[i];
            }
            return n;
        }
    }

    private Npy() {
    }

    public static byte[] writeU8(byte[] data, int... shape) {
        check(data.length, shape);
        byte[] header = header("|u1", shape);
        byte[] out = Arrays.copyOf(header, header.length + data.length);
        System.arraycopy(data, 0, out, header.length, data.length);
        return out;
    }

    public static byte[] writeF32(float[] data, int... shape) {
        check(data.length, shape);
        byte[] header = header("<f4", shape);
        ByteBuffer buf = ByteBuffer.allocate(header.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(header);
        buf.asFloatBuffer().put(data);
        return buf.array();
    }

    public static Tensor read(byte[] file) {
        if (file.length < 10 || !Arrays.equals(Arrays.copyOf(file, 6), MAGIC)) {
            throw new IllegalArgumentException("not a .npy file");
        }
        int major = file[6];
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort(8)) : buf.getInt(8);
        int dataStart = (major == 1 ? 10 : 12) + headerLen;
        String header = new String(file, major == 1 ? 10 : 12, headerLen, StandardCharsets.ISO_8859_1);
        if (header.contains("'fortran_order': True")) {
            throw new IllegalArgumentException(".npy in Fortran order is not supported");
        }
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !s.find()) {
            throw new IllegalArgumentException("malformed .npy header: " + header.trim());
        }
        int[] shape = Arrays.stream(s.group(1).split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        int count = 1;
        for (int v : shape) {
            count *= v;
        }
        switch (d.group(1)) {
            case "|u1", "<u1" -> {
                return new Tensor(shape, Arrays.copyOfRange(file, dataStart, dataStart + count), null);
            }
            case "<f4" -> {
                float[] f = new float[count];
                ByteBuffer.wrap(file, dataStart, 4 * count).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(f);
                return new Tensor(shape, null, f);
            }
            default -> throw new IllegalArgumentException("unsupported .npy dtype " + d.group(1));
        }
    }

    private static void check(int length, int[] shape) {
        long n = 1;
        for (int v : shape) {
            n *= v;
        }
        if (n != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + length + " values");
        }
    }

    private static byte[] header(String descr, int[] shape) {
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        if (shape.length == 1) {
            dims.append(','); // a Python 1-tuple
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims + "), }";
        int unpadded = 10 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64; // the format aligns data to 64 bytes
        String text = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(MAGIC);
            out.write(new byte[] {1, 0, (byte) (text.length() & 0xff), (byte) (text.length() >> 8)});
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
