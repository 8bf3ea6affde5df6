package io.vidscore.media;

import java.nio.ByteBuffer;

/**
 * Turns one BGR working frame into what the analysis needs — a small grey grid (box-averaged, so
 * sub-pixel motion still registers) and colour statistics — and into the encoder's RGB centre crop.
 * Buffers are allocated once per video and reused for every frame.
 */
final class FrameReducer {
    /**
     * Statistics and the grey grid use every second pixel of every second row: the working frame has
     * 5-12 source pixels per analysis cell, so a quarter of them average just as well at a quarter of the cost.
     */
    private static final int STEP = 2;
    private final int w;
    private final int h;
    private final int aw;
    private final int ah;
    private final int crop;
    private final byte[] bgr;
    private final byte[] grey;
    private final int[] sums;
    private final int[] counts;
    private final byte[] rgbCrop;
    private final int[] cellOfColumn;
    private final int[] cellOfRow;
    private float brightness;
    private float saturation;
    private float warmth;

    FrameReducer(int w, int h, int aw, int ah, int crop) {
        this.w = w;
        this.h = h;
        this.aw = aw;
        this.ah = ah;
        this.crop = crop;
        this.bgr = new byte[w * h * 3];
        this.grey = new byte[aw * ah];
        this.sums = new int[aw * ah];
        this.counts = new int[aw * ah];
        this.rgbCrop = new byte[crop * crop * 3];
        this.cellOfColumn = new int[w];
        this.cellOfRow = new int[h];
        for (int x = 0; x < w; x++) {
            cellOfColumn[x] = Math.min(aw - 1, x * aw / w);
        }
        for (int y = 0; y < h; y++) {
            cellOfRow[y] = Math.min(ah - 1, y * ah / h) * aw;
        }
        for (int y = 0; y < h; y += STEP) {
            for (int x = 0; x < w; x += STEP) {
                counts[cellOfRow[y] + cellOfColumn[x]]++;
            }
        }
    }

    void load(ByteBuffer image, int stride) {
        for (int y = 0; y < h; y++) {
            image.position(y * stride);
            image.get(bgr, y * w * 3, w * 3);
        }
        java.util.Arrays.fill(sums, 0);
        long lumaSum = 0;
        double satSum = 0;
        long warmSum = 0;
        for (int y = 0; y < h; y += STEP) {
            int row = cellOfRow[y];
            int p = y * w * 3;
            for (int x = 0; x < w; x += STEP, p += 3 * STEP) {
                int b = bgr[p] & 0xff;
                int g = bgr[p + 1] & 0xff;
                int r = bgr[p + 2] & 0xff;
                int luma = (77 * r + 150 * g + 29 * b) >> 8; // BT.601 weights in fixed point
                sums[row + cellOfColumn[x]] += luma;
                lumaSum += luma;
                int max = Math.max(r, Math.max(g, b));
                if (max > 0) {
                    satSum += (max - Math.min(r, Math.min(g, b))) / (double) max;
                }
                warmSum += r - b;
            }
        }
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (sums[i] / Math.max(1, counts[i]));
        }
        double n = (double) ((h + STEP - 1) / STEP) * ((w + STEP - 1) / STEP);
        brightness = (float) (lumaSum / n / 255.0);
        saturation = (float) (satSum / n);
        warmth = (float) (warmSum / n / 255.0);
    }

    byte[] grey() {
        return grey;
    }

    float brightness() {
        return brightness;
    }

    float saturation() {
        return saturation;
    }

    float warmth() {
        return warmth;
    }

    /** RGB order, as CLIP-style encoders expect; the crop is centred on the working frame. */
    byte[] centreCropRgb() {
        int x0 = (w - crop) / 2;
        int y0 = (h - crop) / 2;
        int q = 0;
        for (int y = 0; y < crop; y++) {
            int p = ((y0 + y) * w + x0) * 3;
            for (int x = 0; x < crop; x++, p += 3) {
                rgbCrop[q++] = bgr[p + 2];
                rgbCrop[q++] = bgr[p + 1];
                rgbCrop[q++] = bgr[p];
            }
        }
        return rgbCrop;
    }
}
