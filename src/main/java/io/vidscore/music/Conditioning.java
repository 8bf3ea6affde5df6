package io.vidscore.music;

import java.util.List;
import java.util.Objects;

/**
 * Words for text-conditioned engines (MusicGen): the user's prompt and, per video segment, a text built
 * from what the picture looks like (zero-shot CLIP scores against music descriptors). Engines that follow
 * the analysis directly (the composer) may ignore it.
 *
 * @param prompt the user's free-form text ("" for none)
 * @param cues   per-segment conditioning texts in time order (empty without a semantic encoder)
 */
public record Conditioning(String prompt, List<Cue> cues) {
    public static final Conditioning NONE = new Conditioning("", List.of());

    public Conditioning {
        prompt = prompt == null ? "" : prompt.strip();
        cues = List.copyOf(Objects.requireNonNull(cues, "cues (use an empty list)"));
    }

    /** The text for one stretch of the video. */
    public record Cue(double startS, double endS, String text) {
    }
}
