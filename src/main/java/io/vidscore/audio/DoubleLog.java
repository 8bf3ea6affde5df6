package io.vidscore.audio;

import java.util.Arrays;

/**
 * An append-only list of doubles: one entry per 100 ms block of a render, so a 10-minute render
 * keeps 6000 of them (48 KB), never the audio itself. Grows by doubling, so appends allocate
 * O(log n) times in total rather than per block.
 */
final class DoubleLog {
    private double[] values = new double[256];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double get(int i) {
        return values[i];
    }
}
