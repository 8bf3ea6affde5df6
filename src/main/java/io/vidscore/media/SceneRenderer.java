package io.vidscore.media;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paints the frames of a {@link SyntheticVideo} into a BGR24 buffer, one frame at a time.
 * Everything is a pure function of (seed, time), so the same settings always give the same pixels.
 *
 * <ul>
 *   <li>background: two smooth noise layers scrolling in different directions, so every region of
 *       the frame has motion (a motion detector must not see a still background);</li>
 *   <li>scenes: each hard cut switches palette, texture and scroll direction at once;</li>
 *   <li>flashes: the whole frame jumps towards white and decays within ~0.2 s;</li>
 *   <li>ball: falls and bounces; each impact time is the one instant where its vertical motion
 *       reverses suddenly (the apex in between is a smooth turn).</li>
 * </ul>
 */
final class SceneRenderer {
    private static final int TILE = 128; // power of two: wrap with a mask
    private static final double FLASH_DECAY_S = 0.06;
    private static final double FLASH_LENGTH_S = 0.25;

    private final int width;
    private final int height;
    private final long seed;
    private final double[] flashes;
    private final double[] impacts;
    private final double[] cuts;
    private Scene scene;
    private int sceneIndex = -1;

    SceneRenderer(int width, int height, long seed, double[] flashes, double[] impacts, double[] cuts) {
        this.width = width;
        this.height = height;
        this.seed = seed;
        this.flashes = sorted(flashes);
        this.impacts = sorted(impacts);
        this.cuts = sorted(cuts);
    }

    /** Fills {@code bgr} (rows of {@code stride} bytes) with the frame shown at time {@code t}. */
    void paint(double t, byte[] bgr, int stride) {
        int idx = countAtOrBefore(cuts, t);
        if (idx != sceneIndex) {
            sceneIndex = idx;
            scene = new Scene(seed, idx);
        }
        Scene s = scene;
        int ax = (int) Math.floor(t * s.vx1);
        int ay = (int) Math.floor(t * s.vy1);
        int bx = (int) Math.floor(t * s.vx2);
        int by = (int) Math.floor(t * s.vy2);
        double flash = flashLevel(t);
        int[] lut = s.shadeLut(flash);
        for (int y = 0; y < height; y++) {
            int rowA = ((y + ay) & (TILE - 1)) * TILE;
            int rowB = ((y + by) & (TILE - 1)) * TILE;
            int o = y * stride;
            for (int x = 0; x < width; x++) {
                int v = ((s.tileA[rowA + ((x + ax) & (TILE - 1))] & 0xFF)
                        + (s.tileB[rowB + ((x + bx) & (TILE - 1))] & 0xFF)) >> 1;
                int c = lut[v];
                bgr[o++] = (byte) c;
                bgr[o++] = (byte) (c >> 8);
                bgr[o++] = (byte) (c >> 16);
            }
        }
        drawBall(t, bgr, stride, s, flash);
    }

    /** 1 at the flash instant, decaying exponentially; 0 outside any flash. */
    double flashLevel(double t) {
        double level = 0;
        for (double f : flashes) {
            double dt = t - f;
            if (dt >= -1e-9 && dt < FLASH_LENGTH_S) {
                level = Math.max(level, Math.exp(-Math.max(0, dt) / FLASH_DECAY_S));
            }
        }
        return level;
    }

    private void drawBall(double t, byte[] bgr, int stride, Scene s, double flash) {
        int r = Math.max(3, height / 14);
        double floorY = height - r - 2;
        double cy = floorY - bounceHeight(t) * (floorY - r - 2);
        double cx = width * (0.5 + 0.3 * Math.sin(2 * Math.PI * t / 7.0));
        int c = s.ball;
        int x0 = (int) Math.max(0, Math.floor(cx - r)), x1 = (int) Math.min(width - 1, Math.ceil(cx + r));
        int y0 = (int) Math.max(0, Math.floor(cy - r)), y1 = (int) Math.min(height - 1, Math.ceil(cy + r));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx, dy = y - cy;
                if (dx * dx + dy * dy <= r * r) {
                    int o = y * stride + x * 3;
                    bgr[o] = (byte) blendWhite(c & 0xFF, flash);
                    bgr[o + 1] = (byte) blendWhite((c >> 8) & 0xFF, flash);
                    bgr[o + 2] = (byte) blendWhite((c >> 16) & 0xFF, flash);
                }
            }
        }
    }

    /**
     * Height above the floor as a fraction of the room, 0 at each impact. Between impacts the ball
     * flies a parabola whose height grows with the gap; before the first impact it falls from that
     * arc's apex, after the last one it rises to the apex and hangs there, so there are no
     * reversals other than the given impacts.
     */
    double bounceHeight(double t) {
        if (impacts.length == 0) {
            return 0.8;
        }
        int n = impacts.length;
        double start, gap;
        if (t < impacts[0]) {
            gap = n > 1 ? impacts[1] - impacts[0] : 0.5;
            start = impacts[0] - gap;
            if (t < start + gap / 2) {
                return arc(gap, 0.5);
            }
        } else if (t >= impacts[n - 1]) {
            gap = n > 1 ? impacts[n - 1] - impacts[n - 2] : 0.5;
            start = impacts[n - 1];
            if (t > start + gap / 2) {
                return arc(gap, 0.5);
            }
        } else {
            int i = 0;
            while (impacts[i + 1] <= t) { // impacts[0] <= t < impacts[n - 1] here
                i++;
            }
            start = impacts[i];
            gap = impacts[i + 1] - start;
        }
        return arc(gap, (t - start) / gap);
    }

    private static double arc(double gap, double u) {
        double peak = Math.min(0.9, 0.35 + 0.5 * gap); // longer gaps bounce higher, as under gravity
        return peak * 4 * u * (1 - u);
    }

    private static int blendWhite(int c, double flash) {
        return (int) Math.round(c + (255 - c) * 0.85 * flash);
    }

    private static int countAtOrBefore(double[] sorted, double t) {
        int n = 0;
        while (n < sorted.length && sorted[n] <= t + 1e-9) {
            n++;
        }
        return n;
    }

    private static double[] sorted(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    /** Palette, textures and scroll velocities of one scene (between two cuts). */
    private static final class Scene {
        final byte[] tileA;
        final byte[] tileB;
        final int[] dark;
        final int[] light;
        final int ball;
        final double vx1, vy1, vx2, vy2;
        private int[] lut;
        private double lutFlash = Double.NaN;

        Scene(long seed, int index) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index * 7919L + 17);
            // Step the hue by ~0.38 of the circle per scene so neighbouring scenes never look alike.
            double hue = (new SplittableRandom(seed).nextDouble() + 0.382 * index + 0.1 * rnd.nextDouble()) % 1;
            dark = hsv(hue, 0.7 + 0.3 * rnd.nextDouble(), 0.15 + 0.15 * rnd.nextDouble());
            light = hsv((hue + 0.08 + 0.25 * rnd.nextDouble()) % 1, 0.5 + 0.4 * rnd.nextDouble(), 0.55 + 0.25 * rnd.nextDouble());
            int[] b = hsv((hue + 0.5) % 1, 0.3, 1.0);
            ball = b[0] | (b[1] << 8) | (b[2] << 16);
            int grainA = 4 + rnd.nextInt(4);
            int grainB = 2 + rnd.nextInt(3);
            tileA = noiseTile(rnd, grainA);
            tileB = noiseTile(rnd, grainB);
            double angle = rnd.nextDouble() * 2 * Math.PI;
            double speed = 40 + 40 * rnd.nextDouble(); // px/s
            vx1 = speed * Math.cos(angle);
            vy1 = speed * Math.sin(angle);
            vx2 = -0.7 * speed * Math.sin(angle);
            vy2 = 0.7 * speed * Math.cos(angle);
        }

        /** Maps texture value 0..255 to packed BGR (B in the low byte), brightened by the flash. */
        int[] shadeLut(double flash) {
            if (flash != lutFlash) {
                lut = new int[256];
                for (int v = 0; v < 256; v++) {
                    int packed = 0;
                    for (int ch = 0; ch < 3; ch++) {
                        int c = dark[ch] + (light[ch] - dark[ch]) * v / 255;
                        packed |= blendWhite(c, flash) << (8 * ch);
                    }
                    lut[v] = packed;
                }
                lutFlash = flash;
            }
            return lut;
        }

        /** Value noise with a lattice every {@code 2^grainLog} px (at most 64). */
        private static byte[] noiseTile(SplittableRandom rnd, int grainLog) {
            return ValueNoise.tile(rnd, 1 << Math.min(grainLog, 6), TILE);
        }

        /** HSV to {B, G, R} bytes. */
        private static int[] hsv(double h, double s, double v) {
            double r = hueChannel(h + 1.0 / 3), g = hueChannel(h), b = hueChannel(h - 1.0 / 3);
            return new int[] {
                (int) Math.round(255 * v * (1 - s + s * b)),
                (int) Math.round(255 * v * (1 - s + s * g)),
                (int) Math.round(255 * v * (1 - s + s * r)),
            };
        }

        private static double hueChannel(double h) {
            h = ((h % 1) + 1) % 1;
            double k = Math.abs(h * 6 - 3) - 1;
            return Math.max(0, Math.min(1, k));
        }
    }
}
