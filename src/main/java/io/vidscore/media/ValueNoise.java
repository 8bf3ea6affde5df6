package io.vidscore.media;

import java.util.SplittableRandom;

/** Tileable value noise: the busy, moving backgrounds of the generated test and benchmark clips. */
public final class ValueNoise {
    private ValueNoise() {
    }

    /**
     * A {@code size}×{@code size} grey tile: a random lattice every {@code cell} px (cell divides size),
     * smoothly interpolated, wrapping at the edges so the tile can scroll without a seam.
     */
    public static byte[] tile(SplittableRandom rnd, int cell, int size) {
        int cells = size / cell;
        double[] lattice = new double[cells * cells];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = rnd.nextDouble();
        }
        byte[] tile = new byte[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int cx = x / cell, cy = y / cell;
                double fx = smooth((x % cell) / (double) cell), fy = smooth((y % cell) / (double) cell);
                double a = lattice[cy * cells + cx];
                double b = lattice[cy * cells + (cx + 1) % cells];
                double c = lattice[((cy + 1) % cells) * cells + cx];
                double d = lattice[((cy + 1) % cells) * cells + (cx + 1) % cells];
                double v = (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
                tile[y * size + x] = (byte) Math.round(v * 255);
            }
        }
        return tile;
    }

    private static double smooth(double f) {
        return f * f * (3 - 2 * f);
    }
}
