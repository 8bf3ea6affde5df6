package io.vidscore.audio;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a slow consumer (the audio beat tracker's FFTs, a meter's oversampling) on its own thread, so it
 * uses the second core while the caller goes on rendering or limiting. Blocks are copied into a short
 * queue: memory stays at a few blocks, and a consumer that falls behind slows the producer down rather
 * than piling up audio. Exceptions in the consumer surface on the producer's next call or on close.
 */
public final class AsyncSink implements PcmSink {
    private static final float[] END = new float[0];
    private static final int QUEUE_BLOCKS = 8;

    private final BlockingQueue<float[]> queue = new ArrayBlockingQueue<>(QUEUE_BLOCKS);
    private final Thread worker;
    private volatile Throwable failure;
    private boolean closed;

    public AsyncSink(PcmSink delegate) {
        worker = new Thread(() -> drain(delegate), "vidscore-audio-" + delegate.getClass().getSimpleName());
        worker.setDaemon(true);
        worker.start();
    }

    private void drain(PcmSink delegate) {
        try {
            float[] block;
            while ((block = queue.take()) != END) {
                if (failure == null) {
                    delegate.write(block, block.length / CHANNELS);
                }
            }
            delegate.close();
        } catch (Throwable t) {
            failure = t;
            queue.clear(); // unblock a producer waiting for room
        }
    }

    @Override
    public void write(float[] interleaved, int frames) {
        rethrow();
        put(Arrays.copyOf(interleaved, frames * CHANNELS));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finishing audio analysis", e);
        }
        rethrow();
    }

    private void put(float[] block) {
        try {
            while (worker.isAlive() && !queue.offer(block, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing audio", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }
}
