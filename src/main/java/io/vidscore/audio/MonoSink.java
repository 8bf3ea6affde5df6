package io.vidscore.audio;

/** Mono samples handed on in order. */
@FunctionalInterface
public interface MonoSink {
    void write(float[] samples, int off, int len);
}
