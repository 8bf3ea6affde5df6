package io.vidscore.pipeline;

/**
 * How the chain runs: the music engine, the seed, output options and the sampling of frames for the encoder.
 *
 * @param chunkFrames sampled frames per chunk: one encode-video invocation each
 */
public record ChainSettings(String engine, long seed, boolean keepOriginalAudio, double sampleFps, int chunkFrames) {
    public static final ChainSettings DEFAULT = new ChainSettings("composer", 0, false, 2.0, 64);

    public ChainSettings withEngine(String e) {
        return new ChainSettings(e, seed, keepOriginalAudio, sampleFps, chunkFrames);
    }

    public ChainSettings withSeed(long s) {
        return new ChainSettings(engine, s, keepOriginalAudio, sampleFps, chunkFrames);
    }

    public ChainSettings withKeepOriginalAudio(boolean k) {
        return new ChainSettings(engine, seed, k, sampleFps, chunkFrames);
    }
}
