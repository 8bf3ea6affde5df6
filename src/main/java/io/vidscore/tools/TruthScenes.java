package io.vidscore.tools;

import java.util.SplittableRandom;

/**
 * Pictures for the clips {@link io.vidscore.media.SyntheticVideo} does not make: still shots, noise,
 * slow pans, shots that share one palette, fades and cross-dissolves. Each frame is a pure function of
 * (seed, time), painted into a BGR24 buffer.
 */
final class TruthScenes {
    static final int TILE = 256; // power of two: wrap with a mask

    /** Paints the frame shown at time t. */
    interface Painter {
        void paint(double t, byte[] bgr, int stride, int width, int height);
    }

    private TruthScenes() {
    }

    /** A textured shot: two noise layers mapped onto a dark-light palette, each scrolling at its own velocity (px/s). */
    static final class Shot {
        final byte[] tileA;
        final byte[] tileB;
        final int[] dark;
        final int[] light;
        final double vx1, vy1, vx2, vy2;
        final int offset;

        Shot(long seed, int[] dark, int[] light, int grainA, int grainB, double vx1, double vy1, double vx2, double vy2) {
            SplittableRandom rnd = new SplittableRandom(seed);
            this.tileA = noiseTile(rnd, grainA);
            this.tileB = noiseTile(rnd, grainB);
            this.dark = dark;
            this.light = light;
            this.vx1 = vx1;
            this.vy1 = vy1;
            this.vx2 = vx2;
            this.vy2 = vy2;
            this.offset = rnd.nextInt(TILE);
        }

        /**
         * Paints the shot at time t as RGB floats (0..255, BGR order). The layers scroll by fractional
         * pixels, bilinearly interpolated, so a slow pan is smooth rather than a jerk every few frames.
         */
        void paint(double t, float[] out, int width, int height) {
            if (layer == null || layer.length != width * height) {
                layer = new float[width * height];
            }
            java.util.Arrays.fill(layer, 0);
            scroll(tileA, t * vx1 + offset, t * vy1, width, height);
            scroll(tileB, t * vx2, t * vy2 + offset, width, height);
            int o = 0;
            for (int i = 0; i < layer.length; i++) {
                float v = layer[i] * 0.5f / 255f;
                for (int ch = 0; ch < 3; ch++) {
                    out[o++] = dark[ch] + (light[ch] - dark[ch]) * v;
                }
            }
        }

        private float[] layer;

        private void scroll(byte[] tile, double dx, double dy, int width, int height) {
            int ix = (int) Math.floor(dx);
            int iy = (int) Math.floor(dy);
            float fx = (float) (dx - ix);
            float fy = (float) (dy - iy);
            int m = TILE - 1;
            for (int y = 0; y < height; y++) {
                int r0 = ((y + iy) & m) * TILE;
                int r1 = ((y + iy + 1) & m) * TILE;
                int o = y * width;
                for (int x = 0; x < width; x++) {
                    int c0 = (x + ix) & m;
                    int c1 = (x + ix + 1) & m;
                    float top = (tile[r0 + c0] & 0xff) * (1 - fx) + (tile[r0 + c1] & 0xff) * fx;
                    float bottom = (tile[r1 + c0] & 0xff) * (1 - fx) + (tile[r1 + c1] & 0xff) * fx;
                    layer[o + x] += top * (1 - fy) + bottom * fy;
                }
            }
        }
    }

    /** Shots between hard cuts (times of the first frame of each new shot), each scene drawn as is. */
    static Painter cuts(Shot[] shots, double[] cutsS) {
        return mix((t, w, h, out, tmp) -> {
            int i = 0;
            while (i < cutsS.length && cutsS[i] <= t + 1e-9) {
                i++;
            }
            shots[i].paint(t, out, w, h);
        });
    }

    /** Cross-dissolves: each {start, end} pair blends shot i into shot i+1 linearly over that interval. */
    static Painter dissolves(Shot[] shots, double[][] dissolves) {
        return mix((t, w, h, out, tmp) -> {
            int shot = 0;
            double alpha = 0; // weight of the next shot
            for (double[] d : dissolves) {
                if (t >= d[1]) {
                    shot++;
                } else if (t > d[0]) {
                    alpha = (t - d[0]) / (d[1] - d[0]);
                }
            }
            shots[shot].paint(t, out, w, h);
            if (alpha > 0) {
                shots[shot + 1].paint(t, tmp, w, h);
                for (int i = 0; i < out.length; i++) {
                    out[i] = (float) ((1 - alpha) * out[i] + alpha * tmp[i]);
                }
            }
        });
    }

    /**
     * Fade in from black over [0, firstInEnd], fade out to black over [outStart, outEnd], black until
     * inStart, then fade in to the second shot by inEnd.
     */
    static Painter fades(Shot first, Shot second, double firstInEnd, double outStart, double outEnd, double inStart, double inEnd) {
        return mix((t, w, h, out, tmp) -> {
            double gain;
            if (t < outStart) {
                first.paint(t, out, w, h);
                gain = Math.min(1, t / firstInEnd);
            } else if (t < inStart) {
                first.paint(t, out, w, h);
                gain = Math.max(0, 1 - (t - outStart) / (outEnd - outStart));
            } else {
                second.paint(t, out, w, h);
                gain = Math.min(1, (t - inStart) / (inEnd - inStart));
            }
            for (int i = 0; i < out.length; i++) {
                out[i] *= (float) gain;
            }
        });
    }

    /** Fresh random noise every frame: motion everywhere, rhythm nowhere. Blocks of 4 px survive the encoder. */
    static Painter noise(long seed) {
        return (t, bgr, stride, width, height) -> {
            SplittableRandom rnd = new SplittableRandom(seed * 31 + Math.round(t * 1000));
            int bw = (width + 3) / 4;
            int[] row = new int[bw];
            for (int y = 0; y < height; y++) {
                if (y % 4 == 0) {
                    for (int i = 0; i < bw; i++) {
                        row[i] = rnd.nextInt(256);
                    }
                }
                int o = y * stride;
                for (int x = 0; x < width; x++) {
                    byte v = (byte) row[x / 4];
                    bgr[o++] = v;
                    bgr[o++] = v;
                    bgr[o++] = v;
                }
            }
        };
    }

    private interface FloatPainter {
        void paint(double t, int width, int height, float[] out, float[] tmp);
    }

    /** Adapts a painter of float RGB planes to BGR24 bytes. */
    private static Painter mix(FloatPainter p) {
        return new Painter() {
            private float[] out;
            private float[] tmp;

            @Override
            public void paint(double t, byte[] bgr, int stride, int width, int height) {
                if (out == null || out.length != width * height * 3) {
                    out = new float[width * height * 3];
                    tmp = new float[width * height * 3];
                }
                p.paint(t, width, height, out, tmp);
                int i = 0;
                for (int y = 0; y < height; y++) {
                    int o = y * stride;
                    for (int x = 0; x < width * 3; x++) {
                        bgr[o++] = (byte) Math.max(0, Math.min(255, Math.round(out[i++])));
                    }
                }
            }
        };
    }

    static byte[] noiseTile(SplittableRandom rnd, int grain) {
        return io.vidscore.media.ValueNoise.tile(rnd, grain, TILE);
    }

    /** {B, G, R} of a colour given as RGB 0..255, for readable palettes. */
    static int[] bgr(int r, int g, int b) {
        return new int[] {b, g, r};
    }
}
