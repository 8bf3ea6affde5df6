package io.vidscore.neural;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Direct float buffers kept for reuse: a batch of 64 frames is 38 MB of pixel values, and allocating (and
 * zeroing) that per call cost more than running the fixture model on it. Holds as many buffers as were ever
 * in use at once; one too small for a request is dropped and a larger one made.
 */
final class DirectBuffers {
    private final ConcurrentLinkedQueue<FloatBuffer> free = new ConcurrentLinkedQueue<>();

    FloatBuffer take(int floats) {
        FloatBuffer b;
        while ((b = free.poll()) != null) {
            if (b.capacity() >= floats) {
                return b.clear();
            }
        }
        return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    void give(FloatBuffer b) {
        free.add(b);
    }
}
