package io.vidscore.audio;

/**
 * A deterministic stand-in for a render engine: 120 BPM drums (pitch-dropping kick, noisy snare,
 * hi-hats) over a four-chord pad, plus one loud single-sample click at {@link #CLICK_AT} to check
 * timing. Each {@link #render} call regenerates it from scratch in 960-frame blocks, like an
 * engine streaming into a sink, so two calls produce identical samples and nothing is held.
 */
final class SyntheticMix {
    static final int FS = PcmSink.SAMPLE_RATE;
    static final int CLICK_AT = 7 * FS + 12_345;
    private static final int BLOCK = 960;
    private static final int BEAT = FS / 2; // 120 BPM
    private static final double[][] CHORDS = { // C, Am, F, G (Hz), two seconds each
        {261.63, 329.63, 392.00}, {220.00, 261.63, 329.63}, {174.61, 220.00, 261.63}, {196.00, 246.94, 293.66}};

    private final int frames;

    SyntheticMix(double seconds) {
        this.frames = (int) Math.round(seconds * FS);
    }

    int frames() {
        return frames;
    }

    /** Renders the whole mix scaled by {@code gainDb} into {@code sink} (not closed). */
    void render(double gainDb, PcmSink sink) {
        render(gainDb, Float.POSITIVE_INFINITY, sink);
    }

    /** Only the chords, no drums: a mix with a low peak-to-loudness ratio. */
    void renderPadOnly(double gainDb, PcmSink sink) {
        padOnly = true;
        try {
            render(gainDb, sink);
        } finally {
            padOnly = false;
        }
    }

    private boolean padOnly;

    /** As {@link #render(double, PcmSink)}, hard-clipping every sample at +-{@code clip} (an engine that overloads). */
    void render(double gainDb, float clip, PcmSink sink) {
        double gain = Math.pow(10, gainDb / 20);
        long seed = 0x9E3779B97F4A7C15L;
        double kickPhase = 0, noise1 = 0, noise2 = 0;
        float[] block = new float[2 * BLOCK];
        for (int start = 0; start < frames; start += BLOCK) {
            int n = Math.min(BLOCK, frames - start);
            for (int k = 0; k < n; k++) {
                int i = start + k;
                // xorshift64: cheap, allocation-free, identical on every run
                seed ^= seed << 13;
                seed ^= seed >>> 7;
                seed ^= seed << 17;
                double noise = (seed >>> 11) * 0x1.0p-53 * 2 - 1;

                double tb = (i % BEAT) / (double) FS; // seconds since the last beat
                double kickFreq = 50 + 70 * Math.exp(-tb / 0.03);
                kickPhase += 2 * Math.PI * kickFreq / FS;
                double kick = 0.9 * Math.sin(kickPhase) * Math.exp(-tb / 0.12);
                boolean backbeat = (i / BEAT) % 2 == 1;
                double snare = backbeat ? (0.45 * noise + 0.3 * Math.sin(2 * Math.PI * 180 * tb)) * Math.exp(-tb / 0.07) : 0;
                double t8 = (i % (BEAT / 2)) / (double) FS;
                // noise minus itself two samples ago: a band-pass peaking at 12 kHz, where a hi-hat's
                // energy is (a plain first difference would peak at 24 kHz, which no real hat does)
                double hat = 0.25 * (noise - noise2) * Math.exp(-t8 / 0.015);
                noise2 = noise1;
                noise1 = noise;

                double t = i / (double) FS;
                double[] chord = CHORDS[(i / (2 * FS)) % CHORDS.length];
                double tc = (i % (2 * FS)) / (double) FS;
                double env = Math.min(1, tc / 0.05) * (0.6 + 0.4 * Math.exp(-tc / 0.5));
                double padL = 0, padR = 0;
                for (int v = 0; v < 3; v++) {
                    double ph = 2 * Math.PI * chord[v] * t;
                    double tone = Math.sin(ph) + 0.4 * Math.sin(2 * ph) + 0.2 * Math.sin(3 * ph);
                    padL += (v == 2 ? 0.05 : 0.09) * tone;
                    padR += (v == 0 ? 0.05 : 0.09) * tone;
                }
                double click = i == CLICK_AT ? 0.8 : 0;
                double drums = padOnly ? 0 : 1;
                double l = drums * (kick + snare + 0.7 * hat + click) + env * padL;
                double r = drums * (kick + 0.9 * snare + hat + click) + env * padR;
                block[2 * k] = Math.max(-clip, Math.min(clip, (float) (gain * l)));
                block[2 * k + 1] = Math.max(-clip, Math.min(clip, (float) (gain * r)));
            }
            sink.write(block, n);
        }
    }
}
