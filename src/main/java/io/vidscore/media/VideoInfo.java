package io.vidscore.media;

/** What the decoder learned about a video before and while decoding it. */
public record VideoInfo(int width, int height, double fps, double durationS, long expectedFrames, int rotation,
        String codec, boolean hasAudio) {
}
