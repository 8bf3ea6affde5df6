package io.vidscore.media;

import java.util.List;

/**
 * What {@link MediaProbe} found in a file.
 *
 * @param container            demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
 * @param durationSeconds      container duration (longest stream)
 * @param videoCodec           codec name of the main video stream, e.g. "h264"; null when there is none
 * @param width                coded width in pixels (0 without video)
 * @param height               coded height in pixels (0 without video)
 * @param fps                  average frame rate (0 without video)
 * @param rotationDegrees      clockwise rotation a player applies, 0/90/180/270 (display matrix)
 * @param videoPackets         video packets actually read from the file
 * @param videoDurationSeconds span of the video packets, first pts to end of last frame
 * @param audioStreams         every audio stream, in file order
 */
public record ProbeResult(String container, double durationSeconds, String videoCodec, int width, int height,
                          double fps, int rotationDegrees, long videoPackets, double videoDurationSeconds,
                          List<AudioStream> audioStreams) {

    public ProbeResult {
        audioStreams = List.copyOf(audioStreams);
    }

    public boolean hasVideo() {
        return videoCodec != null;
    }

    /** One audio stream: codec name (e.g. "aac"), channel count, sample rate in Hz. */
    public record AudioStream(String codec, int channels, int sampleRate) {
    }
}
