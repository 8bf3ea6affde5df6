package io.vidscore.audio;

/**
 * Multiplies by a fixed gain and forwards. Writes into its own buffer: the caller's block may be
 * shared with other sinks (see {@link PcmSink#tee}), so it must not be scaled in place.
 */
final class GainStage implements PcmSink {
    private final float gain;
    private final PcmSink out;
    private float[] buffer = new float[0];

    GainStage(double gainDb, PcmSink out) {
        this.gain = (float) Math.pow(10, gainDb / 20);
        this.out = out;
    }

    @Override
    public void write(float[] interleaved, int frames) {
        int n = 2 * frames;
        if (buffer.length < n) {
            buffer = new float[n];
        }
        for (int i = 0; i < n; i++) {
            buffer[i] = interleaved[i] * gain;
        }
        out.write(buffer, frames);
    }

    @Override
    public void close() {
        out.close();
    }
}
