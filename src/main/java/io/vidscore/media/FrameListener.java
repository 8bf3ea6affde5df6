package io.vidscore.media;

/**
 * Receives what one decode pass produces, frame by frame, so that nothing accumulates in the decoder.
 * Arrays passed in are reused by the decoder after the call returns: copy what must be kept.
 */
public interface FrameListener {
    /** Called once, before the first frame. */
    default void started(VideoInfo info) {
    }

    /**
     * Every decoded frame as a small grey image for dense analysis (row-major, {@code width*height}
     * bytes) and its colour statistics, each in [0,1] except warmth in [-1,1] (red minus blue).
     */
    void frame(int index, double timeS, byte[] grey, int width, int height, float brightness, float saturation, float warmth);

    /** A frame sampled for the neural encoder: RGB, centre crop, {@code size*size*3} bytes. */
    default void sample(int index, double timeS, byte[] rgb, int size) {
    }
}
