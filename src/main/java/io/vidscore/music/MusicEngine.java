package io.vidscore.music;

import io.vidscore.audio.PcmSink;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link MusicRequest} into audio. */
public interface MusicEngine {
    String name();

    /**
     * Streams exactly {@code round(durationS * 48000)} stereo frames into {@code sink}, block by block,
     * then returns; the sink is left open for the caller to close.
     */
    MusicResult render(MusicRequest request, PcmSink sink);

    /** The same performance as a Standard MIDI File, for engines that play notes; empty for the others. */
    default Optional<byte[]> midi(MusicRequest request) {
        return Optional.empty();
    }

    /** Engine-specific facts for the report after {@link #render} (e.g. a neural engine's sampling parameters); none by default. */
    default Map<String, Object> reportDetails() {
        return Map.of();
    }
}
