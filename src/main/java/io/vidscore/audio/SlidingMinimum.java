package io.vidscore.audio;

/**
 * Minimum of the last {@code window} values pushed, in O(1) amortised per push, without
 * allocation: a monotonic deque (the "ascending minima" algorithm) kept in two
 * fixed ring arrays. Until {@code window} values have been pushed, the minimum is over those
 * pushed so far.
 */
final class SlidingMinimum {
    private final int window;
    private final long[] index;
    private final double[] value;
    private int head; // oldest live entry
    private int size;
    private long pushed;

    SlidingMinimum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window " + window);
        }
        this.window = window;
        this.index = new long[window];
        this.value = new double[window];
    }

    /** Adds a value and returns the minimum of the last {@code window} values (this one included). */
    double push(double v) {
        long now = pushed++;
        // Drop newer-but-larger entries from the back: they can never be the minimum again.
        while (size > 0 && value[slot(size - 1)] >= v) {
            size--;
        }
        // Drop the front if it slid out of the window.
        if (size > 0 && index[head] <= now - window) {
            head = head + 1 == window ? 0 : head + 1;
            size--;
        }
        int s = slot(size);
        index[s] = now;
        value[s] = v;
        size++;
        return value[head];
    }

    private int slot(int i) {
        int s = head + i;
        return s >= window ? s - window : s;
    }
}
