package io.vidscore.audio;

/**
 * Receives rendered audio block by block, so that a 10-minute render never sits in memory whole.
 * Samples are interleaved stereo floats, nominally in [-1, 1], at {@link #SAMPLE_RATE}.
 */
public interface PcmSink extends AutoCloseable {
    int SAMPLE_RATE = 48_000;
    int CHANNELS = 2;

    /** Takes {@code frames} stereo frames from {@code interleaved[0 .. 2*frames)}; the array may be reused by the caller. */
    void write(float[] interleaved, int frames);

    @Override
    default void close() {
    }

    /** Sends each block to every sink in turn (e.g. the WAV writer and the audio beat tracker). */
    static PcmSink tee(PcmSink... sinks) {
        return new PcmSink() {
            @Override
            public void write(float[] interleaved, int frames) {
                for (PcmSink s : sinks) {
                    s.write(interleaved, frames);
                }
            }

            @Override
            public void close() {
                for (PcmSink s : sinks) {
                    try {
                        s.close();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }
}
