package io.vidscore.neural;

import java.nio.FloatBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One batch of frames being converted into pixel values by whichever threads call {@link #work()}: the
 * batch is cut into units (a band of rows of a 224×224 crop, or a whole frame that must be resized first),
 * each thread claims the next unit with one atomic increment, so a helper that starts late or is
 * descheduled delays nobody: the owner claims the rest in {@link #finish()}. The buffer comes back filled,
 * positioned at 0 and limited to the batch.
 */
final class BatchFill {
    /** Bands of rows per 224×224 crop: small enough that two threads share even a batch of one frame. */
    static final int BANDS = 4;

    private final byte[] rgb;
    private final int offset;
    private final int w;
    private final int h;
    private final int first;
    private final FloatBuffer into;
    private final int bands;
    private final int units;
    private final AtomicInteger claimed = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private volatile Throwable failure;
    private volatile Thread waiter;

    BatchFill(byte[] rgb, int offset, int w, int h, int first, int count, FloatBuffer into) {
        this.rgb = rgb;
        this.offset = offset;
        this.w = w;
        this.h = h;
        this.first = first;
        this.into = into;
        this.bands = w == ClipPreprocessor.SIZE && h == ClipPreprocessor.SIZE ? BANDS : 1;
        this.units = count * bands;
        into.clear().limit(count * ClipPreprocessor.pixelsPerImage());
    }

    /** Converts units until none is left to claim. Safe to call from any number of threads, any time. */
    void work() {
        int u;
        while ((u = claimed.getAndIncrement()) < units) {
            try {
                convert(u);
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (done.incrementAndGet() == units) {
                    Thread t = waiter;
                    if (t != null) {
                        LockSupport.unpark(t);
                    }
                }
            }
        }
    }

    private void convert(int unit) {
        int frame = unit / bands;
        int per = ClipPreprocessor.pixelsPerImage();
        int src = offset + (first + frame) * w * h * 3;
        if (bands == 1) {
            ClipPreprocessor.pixelValues(rgb, src, w, h, into, frame * per);
            return;
        }
        int rows = ClipPreprocessor.SIZE / bands;
        int band = unit % bands;
        int to = band == bands - 1 ? ClipPreprocessor.SIZE : (band + 1) * rows;
        ClipPreprocessor.normaliseRows(rgb, src, band * rows, to, into, frame * per);
    }

    /** Helps with what is left, waits for units other threads are still on, and hands the buffer over. */
    FloatBuffer finish() {
        work();
        awaitAll();
        Throwable f = failure;
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        return into;
    }

    /** Claims every unit not yet started, so none will be, and waits for those that were. */
    void abandon() {
        int c = claimed.getAndAdd(units);
        if (c < units) {
            done.addAndGet(units - c);
        }
        awaitAll();
    }

    FloatBuffer buffer() {
        return into;
    }

    private void awaitAll() {
        waiter = Thread.currentThread();
        while (done.get() < units) {
            LockSupport.parkNanos(this, 50_000);
        }
        waiter = null;
    }
}
