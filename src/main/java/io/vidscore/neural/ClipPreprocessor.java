package io.vidscore.neural;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * CLIP's image preprocessing, exactly as transformers' CLIPImageProcessor does it for the published export:
 * resize so the shortest edge is 224 with Pillow's BICUBIC (the long edge {@code int(224*long/short)}),
 * centre crop 224 (top {@code (h-224)/2}, left {@code (w-224)/2}, rounded down), ×1/255, normalise with
 * CLIP's mean and std, channels first. The resize is a port of Pillow's two-pass fixed-point convolution
 * (Resample.c: a = −0.5 cubic, support widened by the scale when shrinking, 22-bit coefficients, horizontal
 * pass then vertical, 8-bit rounding between them), so the pixel values match Pillow's bit for bit.
 * Pure: no files, no runtime.
 */
public final class ClipPreprocessor {
    public static final int SIZE = 224;
    static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
    static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private ClipPreprocessor() {
    }

    /** Floats per image in pixel_values: 3×224×224. */
    public static int pixelsPerImage() {
        return 3 * SIZE * SIZE;
    }

    /** One RGB image (interleaved, {@code w*h*3} bytes) into {@code out[offset..]} as [3,224,224]. */
    public static void pixelValues(byte[] rgb, int rgbOffset, int w, int h, float[] out, int offset) {
        pixelValues(rgb, rgbOffset, w, h, FloatBuffer.wrap(out), offset);
    }

    /**
     * One RGB image into {@code out} from float index {@code offset} as [3,224,224]; with a direct buffer this
     * is the tensor ONNX Runtime reads, written once, in place.
     */
    public static void pixelValues(byte[] rgb, int rgbOffset, int w, int h, FloatBuffer out, int offset) {
        if (w == SIZE && h == SIZE) {
            normaliseRows(rgb, rgbOffset, 0, SIZE, out, offset); // already the crop (extract-frames stores crops): resizing is the identity
            return;
        }
        normaliseRows(resizeAndCrop(rgb, rgbOffset, w, h), 0, 0, SIZE, out, offset);
    }

    /** The 224×224 RGB crop the model sees, before normalisation. */
    public static byte[] resizeAndCrop(byte[] rgb, int rgbOffset, int w, int h) {
        int rw;
        int rh;
        if (w <= h) {
            rw = SIZE;
            rh = (int) (SIZE * (double) h / w);
        } else {
            rh = SIZE;
            rw = (int) (SIZE * (double) w / h);
        }
        byte[] resized = resize(rgb, rgbOffset, w, h, rw, rh);
        int top = (rh - SIZE) / 2;
        int left = (rw - SIZE) / 2;
        byte[] crop = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            System.arraycopy(resized, ((y + top) * rw + left) * 3, crop, y * SIZE * 3, SIZE * 3);
        }
        return crop;
    }

    /** (x/255 − mean)/std per channel and byte value, in float32 as NumPy computes it: a lookup per pixel afterwards. */
    private static final float[][] LUT = new float[3][256];

    static {
        for (int c = 0; c < 3; c++) {
            for (int x = 0; x < 256; x++) {
                float v = (float) (x * (1.0 / 255));
                LUT[c][x] = (v - MEAN[c]) / STD[c];
            }
        }
    }

    /** Little-endian int view of a byte[]: one load brings in four bytes of a row (the JIT makes it one mov). */
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Rows {@code [fromRow, toRow)} of an interleaved 224×224 RGB crop → the same rows of the three normalised
     * channel planes of the image that starts at {@code out[offset]}. Row by row through a scratch row that
     * stays in L1, then three bulk copies into the planes, so each output float is written to the (large,
     * usually direct) buffer exactly once, sequentially; four pixels (12 bytes) are read as three ints and
     * split with shifts. Measured on the project's 2-core machine (bench/NEURAL.md): ≈120 µs a frame into a
     * 38 MB batch buffer, where the earlier whole-image float[] copied into the buffer afterwards took ≈190;
     * ≈60 µs when the buffer stays in cache, ≈90–115 reading byte by byte. Row ranges let several threads
     * fill one image.
     */
    public static void normaliseRows(byte[] crop, int cropOffset, int fromRow, int toRow, FloatBuffer out, int offset) {
        int plane = SIZE * SIZE;
        float[] r = LUT[0];
        float[] g = LUT[1];
        float[] b = LUT[2];
        float[] row = new float[3 * SIZE];
        for (int y = fromRow; y < toRow; y++) {
            int p = cropOffset + y * SIZE * 3;
            for (int x = 0; x < SIZE; x += 4, p += 12) { // SIZE is a multiple of 4
                // bytes, low to high: w0 = r0 g0 b0 r1, w1 = g1 b1 r2 g2, w2 = b2 r3 g3 b3
                int w0 = (int) INTS.get(crop, p);
                int w1 = (int) INTS.get(crop, p + 4);
                int w2 = (int) INTS.get(crop, p + 8);
                row[x] = r[w0 & 0xff];
                row[SIZE + x] = g[(w0 >>> 8) & 0xff];
                row[2 * SIZE + x] = b[(w0 >>> 16) & 0xff];
                row[x + 1] = r[w0 >>> 24];
                row[SIZE + x + 1] = g[w1 & 0xff];
                row[2 * SIZE + x + 1] = b[(w1 >>> 8) & 0xff];
                row[x + 2] = r[(w1 >>> 16) & 0xff];
                row[SIZE + x + 2] = g[w1 >>> 24];
                row[2 * SIZE + x + 2] = b[w2 & 0xff];
                row[x + 3] = r[(w2 >>> 8) & 0xff];
                row[SIZE + x + 3] = g[(w2 >>> 16) & 0xff];
                row[2 * SIZE + x + 3] = b[w2 >>> 24];
            }
            int at = offset + y * SIZE;
            out.put(at, row, 0, SIZE);
            out.put(at + plane, row, SIZE, SIZE);
            out.put(at + 2 * plane, row, 2 * SIZE, SIZE);
        }
    }

    /** Pillow's Image.resize(BICUBIC, reducing_gap=None) on RGB. */
    static byte[] resize(byte[] rgb, int off, int w, int h, int ow, int oh) {
        Coefficients cx = coefficients(w, ow);
        Coefficients cy = coefficients(h, oh);
        byte[] src = rgb;
        int srcOff = off;
        int rows = h;
        int firstRow = 0;
        if (ow != w) {
            // Horizontal pass over the rows the vertical pass will read, as Pillow does.
            firstRow = cy.bounds[0];
            int lastRow = cy.bounds[(oh - 1) * 2] + cy.bounds[(oh - 1) * 2 + 1];
            rows = lastRow - firstRow;
            byte[] tmp = new byte[ow * rows * 3];
            for (int y = 0; y < rows; y++) {
                int rowBase = srcOff + (y + firstRow) * w * 3;
                for (int x = 0; x < ow; x++) {
                    int min = cx.bounds[x * 2];
                    int n = cx.bounds[x * 2 + 1];
                    int kb = x * cx.ksize;
                    for (int c = 0; c < 3; c++) {
                        long ss = 1L << (PRECISION_BITS - 1);
                        for (int i = 0; i < n; i++) {
                            ss += (long) (src[rowBase + (min + i) * 3 + c] & 0xff) * cx.k[kb + i];
                        }
                        tmp[(y * ow + x) * 3 + c] = clip8(ss);
                    }
                }
            }
            src = tmp;
            srcOff = 0;
        } else {
            firstRow = 0;
        }
        if (oh == h && ow == w) {
            return java.util.Arrays.copyOfRange(rgb, off, off + w * h * 3);
        }
        if (oh == h) {
            return src;
        }
        byte[] out = new byte[ow * oh * 3];
        for (int y = 0; y < oh; y++) {
            int min = cy.bounds[y * 2] - firstRow;
            int n = cy.bounds[y * 2 + 1];
            int kb = y * cy.ksize;
            for (int x = 0; x < ow; x++) {
                for (int c = 0; c < 3; c++) {
                    long ss = 1L << (PRECISION_BITS - 1);
                    for (int i = 0; i < n; i++) {
                        ss += (long) (src[srcOff + ((min + i) * ow + x) * 3 + c] & 0xff) * cy.k[kb + i];
                    }
                    out[(y * ow + x) * 3 + c] = clip8(ss);
                }
            }
        }
        return out;
    }

    private static byte clip8(long ss) {
        if (ss >= (1L << PRECISION_BITS << 8)) {
            return (byte) 255;
        }
        if (ss <= 0) {
            return 0;
        }
        return (byte) (ss >> PRECISION_BITS);
    }

    /** Per output pixel: first source index and count ({@code bounds}) and fixed-point weights. */
    private record Coefficients(int ksize, int[] bounds, int[] k) {
    }

    /** Pillow's precompute_coeffs + normalize_coeffs_8bpc. */
    private static Coefficients coefficients(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] bounds = new int[outSize * 2];
        int[] k = new int[outSize * ksize];
        double[] w = new double[ksize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = (xx + 0.5) * scale;
            double ss = 1.0 / filterScale;
            int xmin = Math.max(0, (int) (center - support + 0.5));
            int xmax = Math.min(inSize, (int) (center + support + 0.5)) - xmin;
            double sum = 0;
            for (int x = 0; x < xmax; x++) {
                w[x] = cubic((x + xmin - center + 0.5) * ss);
                sum += w[x];
            }
            for (int x = 0; x < xmax; x++) {
                double v = sum != 0 ? w[x] / sum : w[x];
                k[xx * ksize + x] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            bounds[xx * 2] = xmin;
            bounds[xx * 2 + 1] = xmax;
        }
        return new Coefficients(ksize, bounds, k);
    }

    private static double cubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1.0) {
            return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0.0;
    }
}
