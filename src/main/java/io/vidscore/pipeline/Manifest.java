package io.vidscore.pipeline;

import java.util.List;

/**
 * What extract-frames learned about one job; written last by that stage, so its presence means every
 * frame chunk and the analysis are already in the bucket.
 */
/*
 * width and height are as a player shows the video (after rotation); rotation is in clockwise degrees and
 * frames counts the decoded frames (the analysis series are on a uniform grid at fps, see VideoDecoder).
 */
public record Manifest(
        String jobId,
        String bucket,
        String sourceKey,
        String etag,
        String versionId,
        String name,
        String stem,
        double durationS,
        int width,
        int height,
        double fps,
        int frames,
        int rotation,
        String codec,
        boolean hasAudio,
        double sampleFps,
        int sampleSize,
        int chunks,
        List<Double> sampleTimesS,
        long extractMs,
        boolean interlaced) {
}
