package io.vidscore.pipeline;

import io.vidscore.music.MusicRequest;

/**
 * How the chain runs: the music engine, the seed, the user's overrides of style, tempo and key, output
 * options and the sampling of frames for the encoder.
 *
 * @param chunkFrames sampled frames per chunk: one encode-video invocation each
 * @param neural      model folder, prompt and device for the neural encoder and engine
 */
public record ChainSettings(String engine, long seed, MusicRequest.Overrides overrides, boolean keepOriginalAudio, double sampleFps,
        int chunkFrames, NeuralOptions neural) {
    public static final ChainSettings DEFAULT = new ChainSettings("composer", 0, MusicRequest.Overrides.NONE, false, 2.0, 64,
            NeuralOptions.NONE);

    public ChainSettings withEngine(String e) {
        return new ChainSettings(e, seed, overrides, keepOriginalAudio, sampleFps, chunkFrames, neural);
    }

    public ChainSettings withSeed(long s) {
        return new ChainSettings(engine, s, overrides, keepOriginalAudio, sampleFps, chunkFrames, neural);
    }

    public ChainSettings withOverrides(MusicRequest.Overrides o) {
        return new ChainSettings(engine, seed, o, keepOriginalAudio, sampleFps, chunkFrames, neural);
    }

    public ChainSettings withKeepOriginalAudio(boolean k) {
        return new ChainSettings(engine, seed, overrides, k, sampleFps, chunkFrames, neural);
    }

    public ChainSettings withNeural(NeuralOptions n) {
        return new ChainSettings(engine, seed, overrides, keepOriginalAudio, sampleFps, chunkFrames, n);
    }
}
