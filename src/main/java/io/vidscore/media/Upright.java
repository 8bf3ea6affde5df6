package io.vidscore.media;

import java.nio.ByteBuffer;

/**
 * Turns a decoded working frame the way a player would before showing it, so the analysis and the
 * encoder's crops see the picture upright. Phones store portrait video as landscape frames plus a
 * display-matrix rotation; FFmpeg decodes the stored frame, not the shown one. The working frame is
 * small (short edge 224), so this copy costs a fraction of a millisecond.
 */
final class Upright {
    private final int rotation;
    private final int w;
    private final int h;
    private final byte[] src;
    private final byte[] dst;

    /** @param w,h the decoded working frame; @param rotation clockwise degrees: 0, 90, 180 or 270 */
    Upright(int w, int h, int rotation) {
        if (rotation % 90 != 0) {
            throw new IllegalArgumentException("rotation must be a multiple of 90 degrees: " + rotation);
        }
        this.rotation = ((rotation % 360) + 360) % 360;
        this.w = w;
        this.h = h;
        this.src = new byte[w * h * 3];
        this.dst = new byte[w * h * 3];
    }

    /** Width of the upright frame. */
    int width() {
        return rotation == 90 || rotation == 270 ? h : w;
    }

    int height() {
        return rotation == 90 || rotation == 270 ? w : h;
    }

    static int[] dimensions(int w, int h, int rotation) {
        int r = ((rotation % 360) + 360) % 360;
        return r == 90 || r == 270 ? new int[] {h, w} : new int[] {w, h};
    }

    /** The upright frame, packed BGR (stride {@code width()*3}); a view of a buffer reused on the next call. */
    ByteBuffer apply(ByteBuffer image, int stride) {
        for (int y = 0; y < h; y++) {
            image.position(y * stride);
            image.get(src, y * w * 3, w * 3);
        }
        image.position(0);
        int ow = width();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ox;
                int oy;
                switch (rotation) {
                    case 90 -> { // clockwise: the stored top row becomes the shown right column
                        ox = h - 1 - y;
                        oy = x;
                    }
                    case 180 -> {
                        ox = w - 1 - x;
                        oy = h - 1 - y;
                    }
                    case 270 -> {
                        ox = y;
                        oy = w - 1 - x;
                    }
                    default -> {
                        ox = x;
                        oy = y;
                    }
                }
                int s = (y * w + x) * 3;
                int d = (oy * ow + ox) * 3;
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return ByteBuffer.wrap(dst);
    }
}
