package io.vidscore.audio;

/** Mono samples read in order, block by block: the audio a stage streams instead of holding whole. */
public interface MonoSource extends AutoCloseable {
    /** Reads up to {@code len} samples into {@code into} from {@code off}; returns how many, 0 only at the end. */
    int read(float[] into, int off, int len);

    @Override
    default void close() {
    }
}
