package io.vidscore.analysis;

import java.util.Arrays;

/** A growable float array: a few values per frame, so hours of video stay in the megabytes. */
final class FloatSeries {
    private float[] values = new float[1024];
    private int size;

    void add(float v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** Sets an already added value, or adds zeros up to index i and then the value. */
    void set(int i, float v) {
        while (size <= i) {
            add(0);
        }
        values[i] = v;
    }

    int size() {
        return size;
    }

    float get(int i) {
        return values[i];
    }

    float[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
