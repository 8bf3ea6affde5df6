package io.vidscore.media;

/**
 * What the decoder learned about a video before and while decoding it.
 *
 * @param width      as a player shows it: after the rotation (a portrait phone clip is 1080 wide, 1920 high)
 * @param height     as a player shows it
 * @param fps        the nominal rate: the uniform grid the per-frame series are on (the average rate for variable-rate video)
 * @param rotation   clockwise degrees a player turns the stored frames by (0, 90, 180, 270)
 * @param interlaced whether the stream says its frames are interlaced (fields); the decoder then blends the fields
 */
public record VideoInfo(int width, int height, double fps, double durationS, long expectedFrames, int rotation,
        String codec, boolean hasAudio, boolean interlaced) {
}
