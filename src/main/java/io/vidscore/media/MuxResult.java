package io.vidscore.media;

import java.util.List;

/**
 * What {@link ScoredVideoMuxer#mux} wrote.
 *
 * @param videoCodec         codec of the copied video stream, e.g. "h264"
 * @param videoPacketsCopied video packets copied unchanged from the original
 * @param audioTracksWritten 1 (the music) or 2 (music plus the original audio)
 * @param durationSeconds    duration of the video, which the music was cut or padded to
 * @param notes              human-readable remarks: padding, trimming, skipped original audio...
 */
public record MuxResult(String videoCodec, long videoPacketsCopied, int audioTracksWritten, double durationSeconds,
                        List<String> notes) {
    public MuxResult {
        notes = List.copyOf(notes);
    }
}
